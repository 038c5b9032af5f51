package dev.latchkey.usage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** One flush of {@link UsageCounter}: the day counts added up and each credential's last use, in one transaction. */
@ApplicationScoped
public class UsageWrites {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(Map<UsageCounter.Key, Long> batch, Map<String, Instant> seen) {
        batch.forEach((key, n) -> {
            int updated = em.createNativeQuery("UPDATE credential_usage SET requests = requests + ? "
                            + "WHERE credential_id = ? AND usage_day = ?")
                    .setParameter(1, n).setParameter(2, key.credentialId()).setParameter(3, key.day()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO credential_usage (credential_id, usage_day, requests) "
                                + "SELECT id, ?, ? FROM credentials WHERE id = ?")
                        .setParameter(1, key.day()).setParameter(2, n).setParameter(3, key.credentialId())
                        .executeUpdate();
            }
        });
        seen.forEach((id, at) -> em.createQuery("update Credential c set c.lastUsedAt = :at where c.id = :id "
                        + "and (c.lastUsedAt is null or c.lastUsedAt < :at)")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
    }
}
