package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A fetch waiting for a refresh: woken when one on this instance ends, polling with a back-off for another's. */
class RefreshesInFlightTest {

    private static final String ID = "conn_1";

    /** Leases held by another instance until {@code until}; counts how often the database is asked. */
    private static final class Leases extends ConnectionLeases {
        final AtomicInteger asked = new AtomicInteger();
        volatile long until;

        Leases(long heldForMillis) {
            until = System.currentTimeMillis() + heldForMillis;
        }

        @Override
        public boolean held(String connectionId, Instant now) {
            asked.incrementAndGet();
            return System.currentTimeMillis() < until;
        }
    }

    private static RefreshesInFlight inFlight(Leases leases) {
        RefreshesInFlight inFlight = new RefreshesInFlight();
        inFlight.leases = leases;
        inFlight.clock = Clock.systemUTC();
        return inFlight;
    }

    private static long millisWaiting(Runnable wait) {
        long start = System.nanoTime();
        wait.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aRefreshOnThisInstanceWakesItsWaitersWhenItEnds() throws Exception {
        Leases leases = new Leases(0);
        RefreshesInFlight inFlight = inFlight(leases);
        RefreshesInFlight.Running running = inFlight.started(ID);
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(
                () -> millisWaiting(() -> inFlight.await(ID, Duration.ofSeconds(20))));
        Thread.sleep(300);
        long ended = System.nanoTime();
        running.close();
        long waitedMillis = waited.get();
        long afterEnd = (System.nanoTime() - ended) / 1_000_000;
        assertTrue(waitedMillis >= 250, "waited for the refresh: " + waitedMillis + " ms");
        assertTrue(afterEnd < 100, "woken at once, not at the next poll: " + afterEnd + " ms");
        assertTrue(leases.asked.get() <= 1, "no polling while it ran: " + leases.asked.get());
    }

    @Test
    void aRefreshOnAnotherInstanceIsPolledWithABackOff() {
        Leases leases = new Leases(1500);
        long waited = millisWaiting(() -> inFlight(leases).await(ID, Duration.ofSeconds(20)));
        assertTrue(waited >= 1500 && waited < 1500 + 700, "until the lease ended (polls at most 500 ms apart): "
                + waited + " ms");
        // 50, 100, 200, 400, 500, 500 ms: 7 reads over 1.5 s where a fixed 100 ms spin made 16
        assertTrue(leases.asked.get() <= 8, "database read " + leases.asked.get() + " times");
    }

    @Test
    void nothingUnderWayReturnsAtOnce() {
        Leases leases = new Leases(0);
        assertTrue(millisWaiting(() -> inFlight(leases).await(ID, Duration.ofSeconds(20))) < 100);
        assertTrue(leases.asked.get() == 1);
    }

    @Test
    void theWaitIsBoundedEitherWay() {
        RefreshesInFlight local = inFlight(new Leases(60_000));
        local.started(ID);
        long waitedLocal = millisWaiting(() -> local.await(ID, Duration.ofMillis(400)));
        assertTrue(waitedLocal >= 350 && waitedLocal < 900, "a refresh here that never ends: " + waitedLocal + " ms");
        long waitedRemote = millisWaiting(() -> inFlight(new Leases(60_000)).await(ID, Duration.ofMillis(400)));
        assertTrue(waitedRemote >= 350 && waitedRemote < 900, "a lease held elsewhere: " + waitedRemote + " ms");
    }

    @Test
    void aLaterRefreshHereIsNotEndedByAnEarlierOne() throws Exception {
        RefreshesInFlight inFlight = inFlight(new Leases(0));
        RefreshesInFlight.Running first = inFlight.started(ID);
        RefreshesInFlight.Running second = inFlight.started(ID);
        first.close();
        long waited = millisWaiting(() -> inFlight.await(ID, Duration.ofMillis(300)));
        assertTrue(waited >= 250, "still waiting for the second: " + waited + " ms");
        second.close();
        assertTrue(millisWaiting(() -> inFlight.await(ID, Duration.ofSeconds(5))) < 100);
    }
}
