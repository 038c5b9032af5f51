package dev.latchkey.usage.control;

import dev.latchkey.credentials.entity.CredentialUsed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One flush of {@link UsageCounter}: each credential's last use, the day counts by outcome and by route added
 * up, in one transaction.
 */
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

    /**
     * Locks first the credentials' rows (their {@code last_used_at}, in id order), then adds the day
     * counts: a count's foreign key then reads a row this transaction already holds, never upgrading a
     * shared lock to an exclusive one while a revocation waits for the same row (InnoDB's classic
     * deadlock). Revocations take their counter's lock before the key's row and this never takes it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(Map<UsageCounter.Key, Long> batch, Map<String, Instant> seen,
                      Map<UsageCounter.RouteKey, Long> calls) {
        new TreeMap<>(seen).forEach((id, at) -> em.createQuery("update Credential c set c.lastUsedAt = :at "
                        + "where c.id = :id and (c.lastUsedAt is null or c.lastUsedAt < :at)")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
        List<Map.Entry<UsageCounter.Key, Long>> counts = new ArrayList<>(batch.entrySet());
        counts.sort(Map.Entry.comparingByKey(IN_LOCK_ORDER));
        counts.forEach(entry -> add(entry.getKey(), entry.getValue()));
        Map<UsageCounter.RouteKey, Long> byRoute = new TreeMap<>(ROUTES_IN_LOCK_ORDER);
        byRoute.putAll(calls);
        byRoute.forEach(this::addCall);
    }

    private static final Comparator<UsageCounter.RouteKey> ROUTES_IN_LOCK_ORDER = Comparator
            .comparing(UsageCounter.RouteKey::credentialId).thenComparing(UsageCounter.RouteKey::day)
            .thenComparing(UsageCounter.RouteKey::route);

    private void addCall(UsageCounter.RouteKey key, long n) {
        int updated = em.createNativeQuery("UPDATE credential_route_usage SET requests = requests + ? "
                        + "WHERE credential_id = ? AND usage_day = ? AND route = ?")
                .setParameter(1, n).setParameter(2, key.credentialId()).setParameter(3, key.day())
                .setParameter(4, key.route()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO credential_route_usage (credential_id, usage_day, route, requests) "
                            + "SELECT id, ?, ?, ? FROM credentials WHERE id = ?")
                    .setParameter(1, key.day()).setParameter(2, key.route()).setParameter(3, n)
                    .setParameter(4, key.credentialId()).executeUpdate();
        }
    }

    private static final Comparator<UsageCounter.Key> IN_LOCK_ORDER = Comparator
            .comparing(UsageCounter.Key::credentialId).thenComparing(UsageCounter.Key::day)
            .thenComparing(UsageCounter.Key::outcome);

    private void add(UsageCounter.Key key, long n) {
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
    }
}
