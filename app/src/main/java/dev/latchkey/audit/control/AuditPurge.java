package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.crypto.control.MasterKeyRing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One short purge transaction of {@link AuditRetention}. Each team's chain head remembers,
 * under its seal, how far it was purged and the hash of the last purged event, so
 * verification still proves the rest untouched from the oldest kept event on, and that
 * nobody else moved the purge point.
 */
@ApplicationScoped
public class AuditPurge {

    static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKeyRing ring;

    @Inject
    AuditLog log;

    private ChainHeadSeal seals;

    @PostConstruct
    void init() {
        seals = new ChainHeadSeal(ring);
    }

    /**
     * Deletes up to about one batch of the oldest expired events. Per team it removes a
     * prefix of the chain (everything up to the newest expired position in the batch), moves
     * the head's purge point there with that event's hash, seals the head again (unless its
     * seal already failed: tampering stays visible) and records the purge in the chain.
     */
    @Transactional
    public int batch(Instant cutoff, int retentionDays) {
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
