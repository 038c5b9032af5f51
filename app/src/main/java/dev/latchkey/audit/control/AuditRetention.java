package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.database.control.OutageLog;
import jakarta.annotation.PostConstruct;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes events older than {@code latchkey.audit.retention-days} (default 0: keep forever),
 * {@value #BATCH} at a time in short transactions so the table is never locked for long.
 * Each team's chain head remembers, under its seal, how far it was purged and the hash of
 * the last purged event, so verification still proves the rest untouched from the oldest
 * kept event on, and that nobody else moved the purge point.
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

    @Inject
    MasterKeyRing ring;

    @Inject
    AuditLog log;

    private final OutageLog outage = new OutageLog(LOG, "Audit retention purge");
    private ScheduledFuture<?> task;
    private ChainHeadSeal seals;

    @PostConstruct
    void init() {
        seals = new ChainHeadSeal(ring);
    }

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
            } while (deleted >= BATCH);
            if (total > 0) {
                long purged = total;
                LOG.info(() -> "Purged " + purged + " audit events older than " + cutoff);
            }
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed("Audit retention purge failed; will retry", e);
        }
    }

    /**
     * Deletes up to about one batch of the oldest expired events. Per team it removes a
     * prefix of the chain (everything up to the newest expired position in the batch), moves
     * the head's purge point there with that event's hash, seals the head again (unless its
     * seal already failed: tampering stays visible) and records the purge in the chain.
     */
    @Transactional
    public int purgeBatch(Instant cutoff) {
        List<Object[]> expired = em.createQuery("select e.teamId, e.teamSeq, e.hash from AuditEvent e "
                        + "where e.occurredAt < :cutoff order by e.seq", Object[].class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(BATCH)
                .getResultList();
        var newest = new TreeMap<String, Object[]>();
        for (Object[] row : expired) {
            newest.merge((String) row[0], row, (a, b) -> (Long) a[1] >= (Long) b[1] ? a : b);
        }
        int deleted = 0;
        for (Object[] row : newest.values()) {
            String team = (String) row[0];
            long through = (Long) row[1];
            ChainHead head = em.find(ChainHead.class, team, LockModeType.PESSIMISTIC_WRITE);
            int removed = em.createQuery("delete from AuditEvent e where e.teamId = :team and e.teamSeq <= :through")
                    .setParameter("team", team)
                    .setParameter("through", through)
                    .executeUpdate();
            deleted += removed;
            if (head != null) {
                boolean trusted = seals.problem(head).isEmpty();
                head.purgedThrough(through, (String) row[2]);
                if (trusted) {
                    seals.apply(head);
                }
                log.recordAs(Actor.SYSTEM, team, null, "audit.purged", new Target("team", team, null),
                        Map.of("purged_through", through, "events", removed, "older_than", cutoff.toString(),
                                "retention_days", retentionDays));
            }
        }
        return deleted;
    }
}
