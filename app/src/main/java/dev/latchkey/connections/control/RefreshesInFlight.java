package dev.latchkey.connections.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The refreshes running on this instance, so that a fetch waiting for one is woken the moment it
 * ends rather than polling for it. A refresh running on another instance (its lease held by
 * another owner) can only be seen in the database: it is polled with a back-off from 50 ms
 * doubling to 500 ms.
 */
@ApplicationScoped
public class RefreshesInFlight {

    static final Duration FIRST_POLL = Duration.ofMillis(50);
    static final Duration MAX_POLL = Duration.ofMillis(500);

    /** A refresh registered as running here; closing it (in a {@code finally}) wakes its waiters. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    @Inject
    ConnectionLeases leases;

    @Inject
    Clock clock;

    /** Registers the refresh of a connection whose lease the calling thread holds. */
    public Running started(String connectionId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.put(connectionId, done);
        return () -> {
            running.remove(connectionId, done);
            done.complete(null);
        };
    }

    /**
     * Waits, at most {@code within}, until no refresh of the connection is under way: on this
     * instance until it ends, on another while its lease is held.
     */
    public void await(String connectionId, Duration within) {
        Instant giveUp = clock.instant().plus(within);
        Duration poll = FIRST_POLL;
        try {
            for (Duration left = within; left.compareTo(Duration.ZERO) > 0; left = Duration.between(clock.instant(), giveUp)) {
                CompletableFuture<Void> here = running.get(connectionId);
                if (here != null) {
                    here.get(left.toMillis(), TimeUnit.MILLISECONDS);
                } else if (leases.held(connectionId, clock.instant())) {
                    Thread.sleep(Math.min(poll.toMillis(), left.toMillis()));
                    poll = poll.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : poll.multipliedBy(2);
                } else {
                    return;
                }
            }
        } catch (TimeoutException e) {
            // waited long enough: the caller decides again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a refresh's completion never fails", e);
        }
    }
}
