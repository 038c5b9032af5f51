package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.problems.control.ReconnectRequiredException;
import dev.latchkey.problems.control.UnavailableException;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.usage.control.Measurements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes connections: one refresh per connection at a time across instances (a short row
 * lease, renewed while the provider is called, written with a durable in-flight marker), the new
 * tokens saved before anyone is handed them, failures backed off for every caller alike,
 * Retry-After honoured, a refused grant marking the connection {@code reconnect_required}, an
 * interrupted refresh noticed by whoever takes the lease over, and every outcome audited and
 * logged (never a token). Every decision is {@link RefreshPolicy}'s; every transaction is
 * {@link RefreshRecords}'; none is held while the provider is called.
 */
@ApplicationScoped
public class Refresher {

    private static final Logger LOG = Logger.getLogger(Refresher.class.getName());
    /** How long a fetch waits for someone else's refresh: a lease, and a little more. */
    static final Duration WAIT_FOR_OTHER = ConnectionLeases.LEASE.plusSeconds(10);

    /** How a refresh attempt ended. */
    public enum Outcome {
        /** Refreshed now, or found refreshed by someone else. */
        REFRESHED,
        /** The provider failed and will be tried again at the connection's {@code next_attempt_at}. */
        POSTPONED,
        /** The provider asked to wait ({@code Retry-After}); tried again at {@code next_attempt_at}. */
        RATE_LIMITED,
        /** Not tried: a failed attempt is being backed off until {@code next_attempt_at}. */
        BACKING_OFF,
        /** The provider refused the grant: the connection is now {@code reconnect_required}. */
        FAILED,
        /** Someone else is refreshing it now. */
        BUSY,
        /** Nothing to refresh: no refresh token, or the connection needs reconnecting. */
        NOT_REFRESHABLE
    }

    @Inject
    ProviderRegistry providers;

    @Inject
    RefreshRecords records;

    @Inject
    ConnectionLeases leases;

    @Inject
    LeaseKeeper keeper;

    @Inject
    RefreshesInFlight inFlight;

    @Inject
    Clock clock;

    @Inject
    Measurements measurements;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-margin-seconds", defaultValue = "300")
    long marginSeconds;

    @Inject
    @ConfigProperty(name = "latchkey.connections.handout-margin-seconds", defaultValue = "30")
    long handoutMarginSeconds;

    public RefreshPolicy policy() {
        return new RefreshPolicy(Duration.ofSeconds(marginSeconds), Duration.ofSeconds(handoutMarginSeconds));
    }

    /** The connection as it is now. */
    public Connection load(String connectionId) {
        return records.load(connectionId);
    }

    /** The connection's tokens as stored, whatever their state. */
    public TokenSet open(String connectionId) {
        return records.open(connectionId);
    }

    /**
     * Tokens valid now for a connection, by {@link RefreshPolicy#handout}: refreshed first when
     * due (and not backed off); a refresh under way is waited for (on this instance until it ends,
     * on another while its lease is held; at most {@link #WAIT_FOR_OTHER}).
     *
     * @throws ReconnectRequiredException when the grant is gone
     * @throws UnavailableException       (with Retry-After) while the provider is backed off
     */
    public TokenSet fresh(String connectionId) {
        RefreshPolicy policy = policy();
        RefreshPolicy.Tried tried = RefreshPolicy.Tried.NOTHING;
        while (true) {
            RefreshPolicy.State state = RefreshPolicy.State.of(records.load(connectionId));
            RefreshPolicy.Decision decision = policy.handout(state, clock.instant(), tried);
            switch (decision.verdict()) {
                case SERVE -> {
                    return records.open(connectionId);
                }
                case RECONNECT -> throw new ReconnectRequiredException(decision.reason());
                case RETRY_LATER -> throw new UnavailableException(decision.reason(), decision.retryAfter());
                case WAIT -> {
                    inFlight.await(connectionId, WAIT_FOR_OTHER);
                    tried = tried.afterWaiting();
                }
                case REFRESH_FIRST -> {
                    if (refresh(connectionId, false) == Outcome.BUSY && !tried.waited()) {
                        inFlight.await(connectionId, WAIT_FOR_OTHER);
                        tried = tried.afterWaiting();
                    } else {
                        tried = tried.afterRefreshing();
                    }
                }
            }
        }
    }

    /**
     * One refresh attempt. {@code force} refreshes even a token far from expiry; otherwise a
     * connection that another caller just refreshed is left alone. A back-off in force is
     * respected either way ({@link RefreshPolicy#attempt}).
     */
    public Outcome refresh(String connectionId, boolean force) {
        String owner = Ids.next("lease_");
        Optional<ConnectionLeases.Lease> lease = leases.acquire(connectionId, owner, clock.instant());
        if (lease.isEmpty()) {
            return Outcome.BUSY;
        }
        boolean calling = false;
        try (RefreshesInFlight.Running running = inFlight.started(connectionId);
             LeaseKeeper.Kept kept = keeper.keep(connectionId, owner)) {
            if (lease.get().tookOverInterrupted()) {
                records.interrupted(connectionId, lease.get().interruptedAt());
            }
            Connection connection = records.load(connectionId);
            Outcome skipped = switch (policy().attempt(RefreshPolicy.State.of(connection), clock.instant(), force)) {
                case NOT_REFRESHABLE -> Outcome.NOT_REFRESHABLE;
                case BACKING_OFF -> Outcome.BACKING_OFF;
                case NOT_DUE -> Outcome.REFRESHED;
                case CALL_PROVIDER -> null;
            };
            if (skipped != null) {
                records.release(connectionId, owner);
                return skipped;
            }
            calling = true;
            return call(connection, owner);
        } catch (RuntimeException e) {
            // Once the provider may have been called, the marker stays: if the outcome was not saved,
            // whoever takes the lease over next treats the refresh as interrupted.
            if (!calling) {
                releaseQuietly(connectionId, owner, e);
            }
            throw e;
        }
    }

    private void releaseQuietly(String connectionId, String owner, RuntimeException failure) {
        try {
            records.release(connectionId, owner);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private Outcome call(Connection connection, String owner) {
        String connectionId = connection.id();
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null) {
            return records.failed(connectionId, owner, new ProviderException(ProviderException.Reason.UNAVAILABLE,
                    "provider " + connection.provider() + " is not installed"));
        }
        TokenSet refreshed;
        try {
            refreshed = provider.provider().refresh(records.open(connectionId));
        } catch (ProviderException e) {
            measurements.providerRefresh(connection.provider(), e.reason().name().toLowerCase(Locale.ROOT));
            return records.failed(connectionId, owner, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing " + connectionId + " failed unexpectedly", e);
            return records.failed(connectionId, owner, new ProviderException(ProviderException.Reason.UNAVAILABLE,
                    "unexpected failure: " + e.getClass().getSimpleName()));
        }
        records.saved(connectionId, owner, refreshed);
        measurements.providerRefresh(connection.provider(), "refreshed");
        return Outcome.REFRESHED;
    }

    /**
     * Asks the provider whether the token still works ({@code validate}); a provider saying it
     * was revoked marks the connection {@code reconnect_required} at once. Records the check.
     *
     * @return false when the provider offers no way to check
     */
    public boolean check(String connectionId) {
        Connection connection = records.load(connectionId);
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null || !connection.active()) {
            return false;
        }
        try {
            provider.provider().validate(records.open(connectionId));
            records.checked(connectionId, null);
            return true;
        } catch (UnsupportedOperationException e) {
            records.checked(connectionId, null);
            return false;
        } catch (ProviderException e) {
            if (e.reason() != ProviderException.Reason.INVALID_GRANT) {
                records.checked(connectionId, null);
                throw ConnectFlow.failure(connection.provider(), e);
            }
            records.checked(connectionId, connection.provider() + " no longer accepts the token ("
                    + RefreshRecords.truncate(e.getMessage()) + "): the grant was revoked at " + connection.provider()
                    + ". Connect " + connection.provider() + " again.");
            return true;
        }
    }
}
