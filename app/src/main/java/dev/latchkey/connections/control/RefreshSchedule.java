package dev.latchkey.connections.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes tokens before they expire: every {@code latchkey.connections.refresh-interval-seconds}
 * (60) it refreshes the connections expiring within the margin whose back-off has passed.
 * Several instances may run it at once; the row lease lets one of them refresh each connection.
 */
@ApplicationScoped
public class RefreshSchedule {

    private static final Logger LOG = Logger.getLogger(RefreshSchedule.class.getName());
    static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Refresher refresher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    private ScheduledFuture<?> task;

    public void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::refreshDue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void refreshDue() {
        try {
            for (String id : refresher.due(clock.instant(), BATCH)) {
                refresher.refresh(id, false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled token refresh failed; will retry", e);
        }
    }
}
