package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.ChainHead;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes events older than {@code latchkey.audit.retention-days} (default 0: keep forever),
 * {@value #BATCH} at a time in short transactions so the table is never locked for long.
 * Each team's chain head remembers how far it was purged, so verification still proves
 * the rest untouched from the oldest kept event on.
 */
@ApplicationScoped
public class AuditRetention {

    static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    AuditRetention self;

    @Inject
    @ConfigProperty(name = "latchkey.audit.retention-days", defaultValue = "0")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "latchkey.audit.purge-interval-seconds", defaultValue = "3600")
    int intervalSeconds;

    private ScheduledFuture<?> task;

    public void start() {
        if (retentionDays > 0 && task == null) {
            task = scheduler.scheduleWithFixedDelay(this::purge, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
            LOG.info(() -> "Audit events older than " + retentionDays + " days are purged every "
                    + intervalSeconds + " s");
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void purge() {
        try {
            Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
            long total = 0;
            int deleted;
            do {
                deleted = self.purgeBatch(cutoff);
                total += deleted;
            } while (deleted == BATCH);
            if (total > 0) {
                long purged = total;
                LOG.info(() -> "Purged " + purged + " audit events older than " + cutoff);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention purge failed; will retry", e);
        }
    }

    /** Deletes up to one batch of the oldest expired events, recording per team how far. */
    @Transactional
    public int purgeBatch(Instant cutoff) {
        List<Object[]> expired = em.createQuery("select e.seq, e.teamId, e.teamSeq from AuditEvent e "
                        + "where e.occurredAt < :cutoff order by e.seq", Object[].class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(BATCH)
                .getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        var highest = new java.util.TreeMap<String, Long>();
        for (Object[] row : expired) {
            highest.merge((String) row[1], (Long) row[2], Math::max);
        }
        highest.forEach((team, seq) -> {
            ChainHead head = em.find(ChainHead.class, team, LockModeType.PESSIMISTIC_WRITE);
            if (head != null) {
                head.purgedThrough(seq);
            }
        });
        long lastSeq = (Long) expired.get(expired.size() - 1)[0];
        return em.createQuery("delete from AuditEvent e where e.seq <= :last and e.occurredAt < :cutoff")
                .setParameter("last", lastSeq)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
