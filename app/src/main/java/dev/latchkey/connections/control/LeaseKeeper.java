package dev.latchkey.connections.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews a lease while its holder calls the provider, every third of the lease, so that a live
 * holder keeps it however slow the provider is, and a dead one loses it within {@link
 * ConnectionLeases#LEASE}.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ConnectionLeases leases;

    @Inject
    Clock clock;

    private ScheduledExecutorService renewals;

    /** A lease being kept; closing it stops the renewals (the lease itself ends with the outcome). */
    public interface Kept extends AutoCloseable {
        @Override
        void close();
    }

    /** Renews the lease until the returned handle is closed. */
    public Kept keep(String connectionId, String owner) {
        long period = ConnectionLeases.LEASE.toMillis() / 3;
        ScheduledFuture<?> renewing = renewals().scheduleWithFixedDelay(() -> renew(connectionId, owner),
                period, period, TimeUnit.MILLISECONDS);
        return () -> renewing.cancel(false);
    }

    private void renew(String connectionId, String owner) {
        try {
            if (!leases.renew(connectionId, owner, clock.instant())) {
                LOG.log(Level.WARNING, "The refresh lease of {0} was lost while its refresh ran", connectionId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the refresh lease of {0} failed: {1}", new Object[]{connectionId, e});
        }
    }

    private synchronized ScheduledExecutorService renewals() {
        if (renewals == null) {
            renewals = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return renewals;
    }

    @PreDestroy
    synchronized void stop() {
        if (renewals != null) {
            renewals.shutdownNow();
        }
    }
}
