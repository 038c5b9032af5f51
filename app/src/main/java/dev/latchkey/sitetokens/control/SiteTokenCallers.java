package dev.latchkey.sitetokens.control;

import dev.latchkey.credentials.control.Caller;
import dev.latchkey.credentials.control.CallerFactory;
import dev.latchkey.credentials.control.CredentialKind;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.sites.entity.Site;
import dev.latchkey.teams.entity.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A site token acts for its site with no permission at all: it only reads the site's connections. */
@ApplicationScoped
public class SiteTokenCallers implements CallerFactory {

    @PersistenceContext
    EntityManager em;

    @Override
    public CredentialKind kind() {
        return CredentialKind.SITE_TOKEN;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        Site site = em.find(Site.class, credential.siteId());
        if (site == null) {
            return Optional.empty();
        }
        Team team = em.find(Team.class, site.teamId());
        return Optional.of(new Caller(CredentialKind.SITE_TOKEN, credential.id(), credential.name(),
                new Caller.TeamRef(team.id(), team.name()), null, new Caller.SiteRef(site.id(), site.name()),
                null, Set.of(), false, List.of(), credential.expiresAt()));
    }
}
