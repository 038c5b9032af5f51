package dev.latchkey.oauth.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.control.CredentialChanges;
import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;

/**
 * A grant's family: every access and refresh token issued from one authorization code. When
 * a code or a used refresh token is replayed, the whole family is revoked (RFC 9700 §4.14).
 */
@ApplicationScoped
public class Families {

    /** Why a family was revoked, as the audit event says it. */
    public enum Reason {
        CODE_REPLAYED("code_replayed"),
        REFRESH_TOKEN_REPLAYED("refresh_token_replayed"),
        REVOKED_BY_CLIENT("revoked_by_client"),
        REVOKED_BY_MEMBER("revoked_by_member");

        private final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CredentialChanges changes;

    @Inject
    AuditLog audit;

    /**
     * Revokes what is still live in the family. Only a revocation that ended something is
     * audited, so replaying an already revoked token again and again cannot flood the log.
     */
    public void revoke(String familyId, String clientId, Reason reason) {
        var now = clock.instant();
        int refreshTokens = em.createQuery("update OAuthRefreshToken r set r.revokedAt = :now where r.familyId = :family "
                + "and r.revokedAt is null").setParameter("now", now).setParameter("family", familyId).executeUpdate();
        int accessTokens = em.createQuery("update IssuedAccessToken a set a.revokedAt = :now where a.familyId = :family "
                + "and a.revokedAt is null").setParameter("now", now).setParameter("family", familyId).executeUpdate();
        changes.changed();
        OAuthClient client = em.find(OAuthClient.class, clientId);
        if (client != null && refreshTokens + accessTokens > 0) {
            audit.recordAs(OAuthClients.actor(client), client.teamId(), client.siteId(), "oauth_grant.revoked",
                    new Target("oauth_grant", familyId, null), Map.of("reason", reason.wireName,
                            "client_id", client.id(), "refresh_tokens_revoked", refreshTokens,
                            "access_tokens_revoked", accessTokens));
        }
    }
}
