package dev.latchkey.audit.control;

import dev.latchkey.database.control.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes events older than {@code latchkey.audit.retention-days} (default 0: keep forever)
 * every {@code latchkey.audit.purge-interval-seconds}, {@value AuditPurge#BATCH} at a time in
 * short transactions ({@link AuditPurge}) so the table is never locked for long.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    AuditPurge purges;

    @Inject
    @ConfigProperty(name = "latchkey.audit.retention-days", defaultValue = "0")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "latchkey.audit.purge-interval-seconds", defaultValue = "3600")
    int intervalSeconds;

    private final OutageLog outage = new OutageLog(LOG, "Audit retention purge");
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
                deleted = purges.batch(cutoff, retentionDays);
                total += deleted;
            } while (deleted >= AuditPurge.BATCH);
            if (total > 0) {
                long purged = total;
                LOG.info(() -> "Purged " + purged + " audit events older than " + cutoff);
            }
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed("Audit retention purge failed; will retry", e);
        }
    }
}
