package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.ConnectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The connections the {@link RefreshSchedule} works through, each list read in a short transaction of its own. */
@ApplicationScoped
public class DueConnections {

    @PersistenceContext
    EntityManager em;

    /** Active connections whose token does not expire and was not checked since {@code before}, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> unchecked(Instant before, int limit) {
        return em.createQuery("select c.id from Connection c where c.status = :active and c.expiresAt is null "
                        + "and (c.checkedAt is null or c.checkedAt < :before) order by c.checkedAt", String.class)
                .setParameter("active", ConnectionStatus.ACTIVE)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Connections due for a refresh (expiring within {@code margin}), not backed off nor being refreshed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now, Duration margin, int limit) {
        return em.createQuery("select c.id from Connection c where c.status = :active "
                        + "and c.expiresAt is not null and c.expiresAt < :horizon and c.sealedRefreshToken is not null "
                        + "and (c.nextAttemptAt is null or c.nextAttemptAt <= :now) "
                        + "and (c.leaseUntil is null or c.leaseUntil < :now) order by c.expiresAt", String.class)
                .setParameter("active", ConnectionStatus.ACTIVE)
                .setParameter("horizon", now.plus(margin))
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Connections whose refresh was interrupted (marker set, lease expired), not backed off. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> interrupted(Instant now, int limit) {
        return em.createQuery("select c.id from Connection c where c.status = :active "
                        + "and ((c.refreshStartedAt is not null and c.leaseUntil < :now) or c.refreshInterruptedAt is not null) "
                        + "and (c.nextAttemptAt is null or c.nextAttemptAt <= :now)", String.class)
                .setParameter("active", ConnectionStatus.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * When the first back-off ending after {@code now} and no later than {@code until} ends, among
     * connections that will then be within {@code margin}; null when there is none.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant nextRetry(Instant now, Instant until, Duration margin) {
        return em.createQuery("select c.nextAttemptAt from Connection c where c.status = :active "
                        + "and c.expiresAt is not null and c.expiresAt < :horizon and c.sealedRefreshToken is not null "
                        + "and c.nextAttemptAt > :now and c.nextAttemptAt <= :until order by c.nextAttemptAt", Instant.class)
                .setParameter("active", ConnectionStatus.ACTIVE)
                .setParameter("horizon", until.plus(margin))
                .setParameter("now", now)
                .setParameter("until", until)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }
}
