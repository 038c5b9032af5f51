package dev.latchkey.idempotency.control;

import dev.latchkey.database.control.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes idempotency keys past their 24 hours, every {@code latchkey.idempotency.purge-interval-seconds}
 * (default 3600), on the application's managed scheduler like the audit purge and the usage flush.
 * Until then an expired key is already ignored when it is used again.
 */
@ApplicationScoped
public class ExpiredKeysPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredKeysPurge.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    IdempotencyKeys keys;

    @Inject
    @ConfigProperty(name = "latchkey.idempotency.purge-interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    private final OutageLog outage = new OutageLog(LOG, "Idempotency key purge");
    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::purge, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
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
            int purged = keys.purgeExpired();
            if (purged > 0) {
                LOG.fine(() -> "Purged " + purged + " expired idempotency keys");
            }
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed("Idempotency key purge failed; will retry", e);
        }
    }
}
