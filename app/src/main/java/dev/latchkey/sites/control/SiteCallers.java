package dev.latchkey.sites.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.members.entity.Team;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the caller of a credential that belongs to a site (API keys, site tokens). */
@ApplicationScoped
public class SiteCallers {

    @PersistenceContext
    EntityManager em;

    /** The caller, or empty when the credential's site is gone. */
    public Optional<Caller> callerFor(Credential credential, Optional<Environment> environment, Set<Permission> permissions,
                                      boolean scoped, List<String> scopes) {
        Site site = em.find(Site.class, credential.siteId());
        if (site == null) {
            return Optional.empty();
        }
        Team team = em.find(Team.class, site.teamId());
        var teamRef = new Caller.TeamRef(team.id(), team.name());
        var siteRef = new Caller.SiteRef(site.id(), site.name());
        var authority = Caller.authority(teamRef, siteRef, null, environment, permissions, Map.of(), scoped, scopes,
                credential.allowedBlocks(), credential.expiresAt());
        return Optional.of(new Caller(new Caller.CredentialRef(credential.kind(), credential.id(), credential.name(),
                credential.expiresAt(), credential.rateLimitRequests() == null ? null
                        : new Caller.RateLimit(credential.rateLimitRequests(), credential.rateLimitSeconds())),
                teamRef, null, siteRef, authority));
    }
}
