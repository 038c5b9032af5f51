package dev.latchkey.sitetokens.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.connections.control.Connections;
import dev.latchkey.credentials.control.CredentialIssuer;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A site's one site token: creating it, or rolling it (the old one stops at once). */
@ApplicationScoped
public class SiteTokens {

    public static final String PREFIX = "st_";

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialIssuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public CredentialIssuer.Issued createOrRoll(Caller caller, Site site) {
        caller.requireCovers(Connections.reach(site), "the site token");
        Instant now = clock.instant();
        List<Credential> current = em.createQuery("select c from Credential c where c.siteId = :site "
                        + "and c.kind = :kind and c.revokedAt is null", Credential.class)
                .setParameter("site", site.id()).setParameter("kind", CredentialKind.SITE_TOKEN).getResultList();
        current.forEach(old -> old.revoke(now));
        String creator = caller.member() != null ? caller.member().id() : caller.credentialId();
        var issued = issuer.issue(new CredentialIssuer.Draft(PREFIX, site.teamId(), null, site.id(), null,
                "Site token of " + site.name(), Set.of(), null, creator, List.of(), false, null, null));
        audit.record(site.teamId(), site.id(), current.isEmpty() ? "site_token.created" : "site_token.rolled",
                new Target("site_token", issued.credential().id(), issued.credential().name()),
                Map.of("last4", issued.credential().last4(),
                        "replaced", current.stream().map(Credential::id).toList()));
        return issued;
    }
}
