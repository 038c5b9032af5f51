package dev.latchkey.usage.control;

import dev.latchkey.credentials.entity.CredentialUsed;
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

    /** The column counting an outcome ({@code requests}: authenticated uses). */
    static String column(CredentialUsed.Outcome outcome) {
        return switch (outcome) {
            case VALID -> "requests";
            case RATE_LIMITED -> "rate_limited";
            case ADDRESS_REFUSED -> "address_refused";
            case INSUFFICIENT_PERMISSION -> "insufficient_permission";
        };
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(Map<UsageCounter.Key, Long> batch, Map<String, Instant> seen) {
        batch.forEach((key, n) -> {
            String column = column(key.outcome());
            int updated = em.createNativeQuery("UPDATE credential_usage SET " + column + " = " + column + " + ? "
                            + "WHERE credential_id = ? AND usage_day = ?")
                    .setParameter(1, n).setParameter(2, key.credentialId()).setParameter(3, key.day()).executeUpdate();
            if (updated == 0) {
                // requests is NOT NULL without a default: an uncounted day starts at 0 authenticated uses
                String columns = key.outcome() == CredentialUsed.Outcome.VALID ? "requests" : "requests, " + column;
                String values = key.outcome() == CredentialUsed.Outcome.VALID ? "?" : "0, ?";
                em.createNativeQuery("INSERT INTO credential_usage (credential_id, usage_day, " + columns + ") "
                                + "SELECT id, ?, " + values + " FROM credentials WHERE id = ?")
                        .setParameter(1, key.day()).setParameter(2, n).setParameter(3, key.credentialId())
                        .executeUpdate();
            }
        });
        seen.forEach((id, at) -> em.createQuery("update Credential c set c.lastUsedAt = :at where c.id = :id "
                        + "and (c.lastUsedAt is null or c.lastUsedAt < :at)")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
    }
}
