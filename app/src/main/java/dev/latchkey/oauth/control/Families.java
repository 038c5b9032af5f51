package dev.latchkey.oauth.control;

import dev.latchkey.credentials.control.CredentialChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * A grant's family: every access and refresh token issued from one authorization code. When
 * a code or a used refresh token is replayed, the whole family is revoked (RFC 9700 §4.14).
 */
@ApplicationScoped
public class Families {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CredentialChanges changes;

    public void revoke(String familyId) {
        var now = clock.instant();
        em.createQuery("update OAuthRefreshToken r set r.revokedAt = :now where r.familyId = :family "
                + "and r.revokedAt is null").setParameter("now", now).setParameter("family", familyId).executeUpdate();
        em.createQuery("update IssuedAccessToken a set a.revokedAt = :now where a.familyId = :family "
                + "and a.revokedAt is null").setParameter("now", now).setParameter("family", familyId).executeUpdate();
        changes.changed();
    }
}
