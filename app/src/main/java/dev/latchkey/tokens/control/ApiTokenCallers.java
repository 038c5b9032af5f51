package dev.latchkey.tokens.control;

import dev.latchkey.credentials.control.Caller;
import dev.latchkey.credentials.control.CallerFactory;
import dev.latchkey.credentials.control.CredentialKind;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.scopes.control.Scopes;
import dev.latchkey.sites.entity.Site;
import jakarta.inject.Inject;
import dev.latchkey.teams.entity.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** An API token acts for its site, in its environment, with its permissions. */
@ApplicationScoped
public class ApiTokenCallers implements CallerFactory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Override
    public CredentialKind kind() {
        return CredentialKind.API_TOKEN;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        Site site = em.find(Site.class, credential.siteId());
        if (site == null) {
            return Optional.empty();
        }
        Team team = em.find(Team.class, site.teamId());
        return Optional.of(new Caller(CredentialKind.API_TOKEN, credential.id(), credential.name(),
                new Caller.TeamRef(team.id(), team.name()), null, new Caller.SiteRef(site.id(), site.name()),
                credential.environment(), credential.permissions(), credential.scoped(),
                credential.scoped() ? scopes.heldBy(credential.id()) : List.of(), credential.expiresAt()));
    }
}
