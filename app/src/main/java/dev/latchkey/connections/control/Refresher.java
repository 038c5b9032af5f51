package dev.latchkey.connections.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.identifiers.control.Ids;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.ReconnectRequiredException;
import dev.latchkey.problems.control.UnavailableException;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes connections: one refresh per connection at a time across instances (a short row
 * lease, renewed while the provider is called, written with a durable in-flight marker), the new
 * tokens saved before anyone is handed them, failures backed off for every caller alike ({@link
 * RefreshBackoff}, Retry-After honoured), a refused grant marking the connection {@code
 * reconnect_required}, an interrupted refresh noticed by whoever takes the lease over, and every
 * outcome audited and logged (never a token). What a fetch is handed is decided by {@link
 * HandoutRule}.
 */
@ApplicationScoped
public class Refresher {

    private static final Logger LOG = Logger.getLogger(Refresher.class.getName());
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

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRegistry providers;

    @Inject
    ConnectionCustody custody;

    @Inject
    ConnectionLeases leases;

    @Inject
    LeaseKeeper keeper;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Refresher self;

    @Inject
    dev.latchkey.usage.control.Measurements measurements;

    @Inject
    @ConfigProperty(name = "latchkey.connections.refresh-margin-seconds", defaultValue = "300")
    long marginSeconds;

    @Inject
    @ConfigProperty(name = "latchkey.connections.handout-margin-seconds", defaultValue = "30")
    long handoutMarginSeconds;

    public Duration margin() {
        return Duration.ofSeconds(marginSeconds);
    }

    public HandoutRule rule() {
        return new HandoutRule(margin(), Duration.ofSeconds(handoutMarginSeconds));
    }

    /**
     * Tokens valid now for a connection, by {@link HandoutRule}: refreshed first when due (and
     * not backed off), waiting for a refresh someone else is making.
     *
     * @throws ReconnectRequiredException when the grant is gone
     * @throws UnavailableException       (with Retry-After) while the provider is backed off
     */
    public TokenSet fresh(String connectionId) {
        HandoutRule rule = rule();
        boolean tried = false;
        for (int round = 0; ; round++) {
            Connection connection = self.load(connectionId);
            HandoutRule.Decision decision = rule.decide(connection, clock.instant(), tried);
            switch (decision.verdict()) {
                case SERVE -> {
                    return self.open(connectionId);
                }
                case RECONNECT -> throw new ReconnectRequiredException(decision.reason());
                case RETRY_LATER -> throw new UnavailableException(decision.reason(), decision.retryAfter());
                case REFRESH_FIRST -> {
                    if (refresh(connectionId, false) != Outcome.BUSY || round > 0) {
                        tried = true;
                    } else {
                        awaitOther(connectionId);
                    }
                }
            }
        }
    }

    /**
     * One refresh attempt. {@code force} refreshes even a token far from expiry; otherwise a
     * connection that another caller just refreshed is left alone. A back-off in force is
     * respected either way.
     */
    public Outcome refresh(String connectionId, boolean force) {
        String owner = Ids.next("lease_");
        Optional<ConnectionLeases.Lease> lease = leases.acquire(connectionId, owner, clock.instant());
        if (lease.isEmpty()) {
            return Outcome.BUSY;
        }
        boolean calling = false;
        try (LeaseKeeper.Kept kept = keeper.keep(connectionId, owner)) {
            if (lease.get().tookOverInterrupted()) {
                self.interrupted(connectionId, lease.get().interruptedAt());
            }
            Connection connection = self.load(connectionId);
            Instant now = clock.instant();
            Outcome skipped = !connection.active() || !connection.refreshable() ? Outcome.NOT_REFRESHABLE
                    : HandoutRule.backingOff(connection, now) ? Outcome.BACKING_OFF
                    : !force && connection.refreshInterruptedAt() == null && !rule().due(connection, now)
                    ? Outcome.REFRESHED : null;
            if (skipped != null) {
                self.release(connectionId, owner);
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
            self.release(connectionId, owner);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private Outcome call(Connection connection, String owner) {
        String connectionId = connection.id();
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null) {
            return self.failed(connectionId, owner, new ProviderException(ProviderException.Reason.UNAVAILABLE,
                    "provider " + connection.provider() + " is not installed"));
        }
        TokenSet refreshed;
        try {
            refreshed = provider.provider().refresh(self.open(connectionId));
        } catch (ProviderException e) {
            measurements.providerRefresh(connection.provider(), e.reason().name().toLowerCase(Locale.ROOT));
            return self.failed(connectionId, owner, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing " + connectionId + " failed unexpectedly", e);
            return self.failed(connectionId, owner, new ProviderException(ProviderException.Reason.UNAVAILABLE,
                    "unexpected failure: " + e.getClass().getSimpleName()));
        }
        self.saved(connectionId, owner, refreshed);
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
        Connection connection = self.load(connectionId);
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null || !connection.active()) {
            return false;
        }
        try {
            provider.provider().validate(self.open(connectionId));
            self.checked(connectionId, null);
            return true;
        } catch (UnsupportedOperationException e) {
            self.checked(connectionId, null);
            return false;
        } catch (ProviderException e) {
            if (e.reason() != ProviderException.Reason.INVALID_GRANT) {
                self.checked(connectionId, null);
                throw ConnectFlow.failure(connection.provider(), e);
            }
            self.checked(connectionId, connection.provider() + " no longer accepts the token ("
                    + truncate(e.getMessage()) + "): the grant was revoked at " + connection.provider()
                    + ". Connect " + connection.provider() + " again.");
            return true;
        }
    }

    /** Active connections whose token does not expire and was not checked since {@code before}, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> unchecked(Instant before, int limit) {
        return em.createQuery("select c.id from Connection c where c.status = :active and c.expiresAt is null "
                        + "and (c.checkedAt is null or c.checkedAt < :before) order by c.checkedAt", String.class)
                .setParameter("active", Connection.ACTIVE)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Connections due for a refresh, or whose refresh was interrupted, and not backed off nor being refreshed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now, int limit) {
        return em.createQuery("select c.id from Connection c where c.status = :active "
                        + "and c.expiresAt is not null and c.expiresAt < :horizon and c.sealedRefreshToken is not null "
                        + "and (c.nextAttemptAt is null or c.nextAttemptAt <= :now) "
                        + "and (c.leaseUntil is null or c.leaseUntil < :now) order by c.expiresAt", String.class)
                .setParameter("active", Connection.ACTIVE)
                .setParameter("horizon", now.plus(margin()))
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Connections whose refresh was interrupted (marker set, lease expired), not backed off. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> interrupted(Instant now, int limit) {
        return em.createQuery("select c.id from Connection c where c.status = :active "
                        + "and ((c.refreshStartedAt is not null and c.leaseUntil < :now) or c.refreshInterruptedAt is not null) "
                        + "and (c.nextAttemptAt is null or c.nextAttemptAt <= :now)", String.class)
                .setParameter("active", Connection.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * When the first back-off ending after {@code now} and no later than {@code until} ends, among
     * connections that will then be within the margin; null when there is none.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant nextRetry(Instant now, Instant until) {
        return em.createQuery("select c.nextAttemptAt from Connection c where c.status = :active "
                        + "and c.expiresAt is not null and c.expiresAt < :horizon and c.sealedRefreshToken is not null "
                        + "and c.nextAttemptAt > :now and c.nextAttemptAt <= :until order by c.nextAttemptAt", Instant.class)
                .setParameter("active", Connection.ACTIVE)
                .setParameter("horizon", until.plus(margin()))
                .setParameter("now", now)
                .setParameter("until", until)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Connection load(String connectionId) {
        Connection connection = em.find(Connection.class, connectionId);
        if (connection == null) {
            throw new ConflictException("The connection was removed meanwhile");
        }
        em.detach(connection);
        return connection;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public TokenSet open(String connectionId) {
        return custody.open(em.find(Connection.class, connectionId));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String connectionId, String owner) {
        leases.release(connectionId, owner);
    }

    /** Saves new tokens first of all; the lease and the in-flight marker end in the same transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void saved(String connectionId, String owner, TokenSet tokens) {
        Connection connection = em.find(Connection.class, connectionId);
        Instant now = clock.instant();
        custody.store(connection, tokens);
        connection.refreshed(now);
        endLease(connection, owner);
        audit.recordAs(Actor.SYSTEM, connection.teamId(), connection.siteId(), "connection.refreshed",
                target(connection), Map.of("expires_at", tokens.expiresAt() == null ? "never" : tokens.expiresAt().toString(),
                        "refresh_token_rotated", Boolean.toString(tokens.refreshToken() != null)));
    }

    /**
     * Records a failed refresh: a refused grant ({@code invalid_grant}) marks the connection
     * {@code reconnect_required}; anything else is tried again after {@link RefreshBackoff}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome failed(String connectionId, String owner, ProviderException failure) {
        Connection connection = em.find(Connection.class, connectionId);
        Instant now = clock.instant();
        String provider = connection.provider();
        String message = truncate(failure.getMessage());
        Outcome outcome;
        if (failure.reason() == ProviderException.Reason.INVALID_GRANT) {
            String reason = connection.refreshInterruptedAt() != null
                    ? "A refresh that started at " + connection.refreshInterruptedAt() + " was interrupted (Latchkey "
                    + "stopped while " + provider + " answered); " + provider + " had already replaced the refresh token, "
                    + "and the replacement was lost. Connect " + provider + " again."
                    : provider + " refused the refresh (" + message + "): the grant was revoked or has expired. Connect "
                    + provider + " again.";
            connection.refreshFailed(message, truncate(reason), now);
            outcome = Outcome.FAILED;
            LOG.log(Level.WARNING, "Refresh of {0} ({1}) refused: the connection needs reconnecting ({2})",
                    new Object[]{connectionId, provider, message});
        } else {
            RefreshBackoff.Next next = RefreshBackoff.after(connection.refreshFailures(), connection.lastAttemptAt(),
                    connection.expiresAt(), now, failure.retryAfter());
            connection.refreshPostponed(message, next.failures(), now, next.at());
            outcome = failure.reason() == ProviderException.Reason.RATE_LIMITED ? Outcome.RATE_LIMITED : Outcome.POSTPONED;
            LOG.log(Level.INFO, "Refresh of {0} ({1}) failed: {2} ({3}); next attempt at {4}",
                    new Object[]{connectionId, provider, failure.reason().name().toLowerCase(Locale.ROOT), message, next.at()});
        }
        endLease(connection, owner);
        audit.recordAs(Actor.SYSTEM, connection.teamId(), connection.siteId(), "connection.refresh_failed",
                target(connection), Map.of("reason", failure.reason().name().toLowerCase(Locale.ROOT),
                        "message", message,
                        "next_attempt_at", connection.nextAttemptAt() == null ? "none" : connection.nextAttemptAt().toString()));
        return outcome;
    }

    /** Audits and logs a refresh whose holder died, found by whoever took its lease over. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void interrupted(String connectionId, Instant startedAt) {
        Connection connection = em.find(Connection.class, connectionId);
        LOG.log(Level.WARNING, "A refresh of {0} ({1}) that started at {2} was interrupted; trying it again now",
                new Object[]{connectionId, connection.provider(), startedAt});
        audit.recordAs(Actor.SYSTEM, connection.teamId(), connection.siteId(), "connection.refresh_interrupted",
                target(connection), Map.of("started_at", startedAt.toString()));
    }

    /**
     * Records a check with the provider; {@code revokedReason} non-null when the provider said
     * the token was revoked: the connection then needs reconnecting (logged and audited).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void checked(String connectionId, String revokedReason) {
        Connection connection = em.find(Connection.class, connectionId);
        if (connection == null) {
            return;
        }
        Instant now = clock.instant();
        connection.checked(now);
        if (revokedReason == null || !connection.active()) {
            return;
        }
        connection.reconnectRequired(truncate(revokedReason), now);
        LOG.log(Level.WARNING, "{0} ({1}) needs reconnecting: {2}",
                new Object[]{connectionId, connection.provider(), connection.statusReason()});
        audit.recordAs(Actor.SYSTEM, connection.teamId(), connection.siteId(), "connection.reconnect_required",
                target(connection), Map.of("reason", connection.statusReason()));
    }

    private static void endLease(Connection connection, String owner) {
        if (owner.equals(connection.leaseOwner())) {
            connection.endLease();
        }
    }

    private void awaitOther(String connectionId) {
        Instant giveUp = clock.instant().plus(WAIT_FOR_OTHER);
        while (clock.instant().isBefore(giveUp) && leases.held(connectionId, clock.instant())) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Target target(Connection connection) {
        return new Target("connection", connection.id(), connection.provider());
    }

    static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 480 ? text : text.substring(0, 480);
    }
}
