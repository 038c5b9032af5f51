package dev.latchkey.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A credential's first use, written at once in a transaction of its own (it starts
 * {@code first_used_at}, time to hello world, and {@code last_used_at}); only the first writer wins.
 */
@ApplicationScoped
public class FirstUses {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String credentialId, Instant now) {
        em.createQuery("update Credential c set c.firstUsedAt = :now, c.lastUsedAt = :now where c.id = :id "
                        + "and c.firstUsedAt is null")
                .setParameter("now", now)
                .setParameter("id", credentialId)
                .executeUpdate();
    }
}
