package dev.latchkey.connections.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes tokens before they expire: every {@code latchkey.connections.refresh-interval-seconds}
 * (60) it refreshes every connection expiring within the margin whose back-off has passed, in
 * batches, {@code latchkey.connections.refresh-concurrency} (16) at a time, until none is left
 * due — so ten thousand tokens expiring in the same hour are all refreshed in time even when a
 * provider answers slowly. Several instances may run it at once; the row lease lets one of them
 * refresh each connection, and never two at once.
 */
@ApplicationScoped
public class RefreshSchedule {

    private static final Logger LOG = Logger.getLogger(RefreshSchedule.class.getName());
    static final int BATCH = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Refresher refresher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-concurrency", defaultValue = "16")
    int concurrency;

    private ScheduledFuture<?> task;
    private ExecutorService refreshing;

    public void start() {
        if (task == null) {
            refreshing = Executors.newFixedThreadPool(Math.max(1, concurrency), threads);
            task = scheduler.scheduleWithFixedDelay(this::refreshDue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
            refreshing.shutdownNow();
        }
    }

    void refreshDue() {
        try {
            Set<String> attempted = new HashSet<>();
            List<String> due;
            do {
                due = refresher.due(clock.instant(), BATCH).stream().filter(attempted::add).toList();
                List<Future<Refresher.Outcome>> running = due.stream()
                        .map(id -> refreshing.submit(() -> refresher.refresh(id, false))).toList();
                for (Future<Refresher.Outcome> attempt : running) {
                    attempt.get();
                }
            } while (!due.isEmpty());
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled token refresh failed; will retry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
