package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Credential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps {@code last_used_at}. To keep writes off the hot path it writes at most once per
 * minute per credential: the stored time is accurate to a minute, and the first use is
 * always recorded at once.
 */
@ApplicationScoped
public class LastUsedRecorder {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    public boolean isDue(Credential credential, Instant now) {
        Instant last = credential.lastUsedAt();
        return last == null || !last.plus(RESOLUTION).isAfter(now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(String credentialId, Instant now) {
        em.createQuery("update Credential c set c.lastUsedAt = :now where c.id = :id "
                        + "and (c.lastUsedAt is null or c.lastUsedAt < :now)")
                .setParameter("now", now)
                .setParameter("id", credentialId)
                .executeUpdate();
    }
}
