package dev.latchkey.connections.control;

import dev.latchkey.database.control.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes tokens before they expire: every {@code latchkey.connections.refresh-interval-seconds}
 * (60) it refreshes every connection expiring within the margin whose back-off has passed, in
 * batches, {@code latchkey.connections.refresh-concurrency} (16) at a time, until none is left
 * due, retrying failed ones when their back-off ends — so ten thousand tokens expiring in the
 * same hour are all refreshed in time even when a provider answers slowly and fails now and then.
 * Several instances may run it at once; the row lease lets one of them refresh each connection,
 * and never two at once.
 */
@ApplicationScoped
public class RefreshSchedule {

    private static final Logger LOG = Logger.getLogger(RefreshSchedule.class.getName());
    static final int BATCH = 200;
    static final long MIN_WAIT_MILLIS = 100;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Refresher refresher;

    @Inject
    DueConnections connections;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-concurrency", defaultValue = "16")
    int concurrency;

    @Inject
    @ConfigProperty(name = "latchkey.connections.check-interval-seconds", defaultValue = "3600")
    long checkIntervalSeconds;

    private final OutageLog outage = new OutageLog(LOG, "Scheduled token refresh");
    private ScheduledExecutorService passes;
    private ExecutorService refreshing;

    /**
     * Passes run on a thread of their own: a pass lasts as long as connections keep coming due,
     * and Payara's default managed scheduled executor has a single thread, which the credential
     * sync, usage flush and audit retention need every few hundred milliseconds.
     */
    public void start() {
        if (passes == null) {
            refreshing = Executors.newFixedThreadPool(Math.max(1, concurrency), threads);
            passes = Executors.newSingleThreadScheduledExecutor(threads);
            passes.scheduleWithFixedDelay(this::refreshDue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
            // Refreshes interrupted by a crash are taken over at once, and again once any dead holder's
            // lease has surely expired (a restart can be quicker than the lease).
            passes.execute(this::recoverInterrupted);
            passes.schedule(this::recoverInterrupted, ConnectionLeases.LEASE.toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (passes != null) {
            passes.shutdownNow();
            refreshing.shutdownNow();
        }
    }

    /**
     * One pass: refreshes whatever is due, batch after batch, until nothing is. A connection
     * whose refresh failed is retried within the same pass as soon as its back-off ends, and the
     * pass waits for a back-off that ends before the next pass would start, so that a retry
     * "never past halfway to the token's expiry" happens when planned. A connection refreshed in
     * this pass (even if its new token is already within the margin), or whose refresh failed
     * unexpectedly, is not tried again in it; an unexpected failure does not stop the others.
     */
    void refreshDue() {
        try {
            Duration margin = refresher.policy().refreshMargin();
            Set<String> settled = new HashSet<>();
            settled.addAll(refreshAll(connections.interrupted(clock.instant(), BATCH)));
            checkTokensWithoutExpiry();
            while (true) {
                Instant now = clock.instant();
                List<String> due = connections.due(now, margin, BATCH).stream().filter(id -> !settled.contains(id)).toList();
                if (due.isEmpty()) {
                    Instant retry = connections.nextRetry(now, now.plusSeconds(intervalSeconds), margin);
                    if (retry == null) {
                        outage.succeeded();
                        return;
                    }
                    Thread.sleep(Math.max(MIN_WAIT_MILLIS, Duration.between(now, retry).toMillis()));
                    continue;
                }
                settled.addAll(refreshAll(due));
            }
        } catch (RuntimeException e) {
            outage.failed("Scheduled token refresh failed; will retry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tokens that never expire are never refreshed, so a grant revoked at the provider would go
     * unnoticed: each is checked with its provider every {@code check-interval-seconds} (one
     * batch per pass), where the provider offers a check.
     */
    private void checkTokensWithoutExpiry() throws InterruptedException {
        if (checkIntervalSeconds <= 0) {
            return;
        }
        List<String> ids = connections.unchecked(clock.instant().minusSeconds(checkIntervalSeconds), BATCH);
        List<Future<Boolean>> running = ids.stream().map(id -> refreshing.submit(() -> refresher.check(id))).toList();
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (ExecutionException e) {
                LOG.log(Level.INFO, "Checking {0} with its provider failed: {1}",
                        new Object[]{ids.get(i), e.getCause().getMessage()});
            }
        }
    }

    /** Takes over the refreshes a crashed instance left in flight (each is refreshed or marked). */
    void recoverInterrupted() {
        try {
            refreshAll(connections.interrupted(clock.instant(), BATCH));
        } catch (RuntimeException e) {
            outage.failed("Recovering interrupted refreshes failed; the next pass retries", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refreshes connections {@code concurrency} at a time and answers those settled for this
     * pass: refreshed, or failed unexpectedly (an unexpected failure does not stop the others).
     */
    private Set<String> refreshAll(List<String> ids) throws InterruptedException {
        List<Future<Refresher.Outcome>> running = ids.stream()
                .map(id -> refreshing.submit(() -> refresher.refresh(id, false))).toList();
        Set<String> settled = new HashSet<>();
        for (int i = 0; i < running.size(); i++) {
            try {
                if (running.get(i).get() == Refresher.Outcome.REFRESHED) {
                    settled.add(ids.get(i));
                }
            } catch (ExecutionException e) {
                settled.add(ids.get(i));
                LOG.log(Level.WARNING, "Refreshing " + ids.get(i) + " failed; it is retried in the next pass",
                        e.getCause());
            }
        }
        return settled;
    }
}
