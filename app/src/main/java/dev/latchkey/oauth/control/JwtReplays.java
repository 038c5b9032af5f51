package dev.latchkey.oauth.control;

import dev.latchkey.crypto.control.Digests;
import dev.latchkey.oauth.entity.JwtReplay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * The JWT ids ({@code jti}) clients have used, so that a signed client JWT works once (RFC 7523
 * §3): each is recorded in its own short transaction, committed before the request goes on.
 */
@ApplicationScoped
public class JwtReplays {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Records the jti; false when it was seen before (a replay). Expired records are dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        String hash = Digests.sha256Hex(clientId + "\n" + jti);
        if (em.find(JwtReplay.class, hash) != null) {
            return false;
        }
        em.createQuery("delete from JwtReplay r where r.expiresAt < :now").setParameter("now", clock.instant())
                .executeUpdate();
        em.persist(new JwtReplay(hash, clientId, expiresAt));
        em.flush();
        return true;
    }
}
