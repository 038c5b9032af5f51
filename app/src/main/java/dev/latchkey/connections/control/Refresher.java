package dev.latchkey.connections.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.identifiers.control.Ids;
import dev.latchkey.problems.control.ConflictException;
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
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes connections: exactly one refresh per connection at a time across instances (a
 * row lease), the new tokens saved before anyone is handed them (a rotated refresh token is
 * never lost), failures backed off (honouring Retry-After), an {@code invalid_grant} marking
 * the connection {@code refresh_failed} for good, and every outcome audited.
 */
@ApplicationScoped
public class Refresher {

    private static final Logger LOG = Logger.getLogger(Refresher.class.getName());
    static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(20);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration MIN_RETRY = Duration.ofSeconds(1);

    /** How a refresh attempt ended. */
    public enum Outcome { REFRESHED, POSTPONED, FAILED, BUSY, NOT_REFRESHABLE }

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRegistry providers;

    @Inject
    ConnectionCustody custody;

    @Inject
    ConnectionLeases leases;

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

    public Duration margin() {
        return Duration.ofSeconds(marginSeconds);
    }

    /**
     * Tokens valid now for a connection: refreshed first when they expire within the margin,
     * unless a failed refresh is being backed off (Retry-After included) and the current token is
     * still valid, which is then handed out without calling the provider. Never returns an
     * expired token.
     */
    public TokenSet fresh(String connectionId) {
        Connection connection = self.load(connectionId);
        Instant now = clock.instant();
        if (!dueForRefresh(connection, now) || backingOff(connection, now)) {
            return self.open(connectionId);
        }
        Outcome outcome = refresh(connectionId, false);
        if (outcome == Outcome.BUSY) {
            awaitOther(connectionId);
        }
        connection = self.load(connectionId);
        now = clock.instant();
        if (connection.expiresAt() != null && !connection.expiresAt().isAfter(now)) {
            if (Connection.REFRESH_FAILED.equals(connection.status()) || connection.sealedRefreshToken() == null) {
                throw new ConflictException("The " + connection.provider() + " token has expired and cannot be "
                        + "refreshed; reconnect the provider");
            }
            throw new UnavailableException("The " + connection.provider() + " token has expired and the provider "
                    + "could not refresh it now; retry shortly");
        }
        return self.open(connectionId);
    }

    /**
     * One refresh attempt. {@code force} refreshes even a token far from expiry; otherwise a
     * connection that another caller just refreshed is left alone.
     */
    public Outcome refresh(String connectionId, boolean force) {
        String owner = Ids.next("lease_");
        if (!leases.acquire(connectionId, owner, clock.instant())) {
            return Outcome.BUSY;
        }
        Connection connection = self.load(connectionId);
        if (connection.sealedRefreshToken() == null || Connection.REFRESH_FAILED.equals(connection.status())) {
            self.release(connectionId, owner);
            return Outcome.NOT_REFRESHABLE;
        }
        if (!force && !dueForRefresh(connection, clock.instant())) {
            self.release(connectionId, owner);
            return Outcome.REFRESHED;
        }
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null) {
            self.failed(connectionId, owner, new ProviderException(ProviderException.Reason.UNAVAILABLE,
                    "provider " + connection.provider() + " is not installed"));
            return Outcome.POSTPONED;
        }
        TokenSet refreshed;
        try {
            refreshed = provider.provider().refresh(self.open(connectionId));
        } catch (ProviderException e) {
            measurements.providerRefresh(connection.provider(), e.reason().name().toLowerCase(java.util.Locale.ROOT));
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

    public boolean dueForRefresh(Connection connection, Instant now) {
        return connection.expiresAt() != null && connection.sealedRefreshToken() != null
                && Connection.ACTIVE.equals(connection.status())
                && connection.expiresAt().isBefore(now.plus(margin()));
    }

    /** A failed refresh waits for its next attempt while the current token is still valid. */
    static boolean backingOff(Connection connection, Instant now) {
        return connection.nextAttemptAt() != null && connection.nextAttemptAt().isAfter(now)
                && connection.expiresAt() != null && connection.expiresAt().isAfter(now);
    }

    /** Connections expiring within the margin, not backed off, not being refreshed, soonest first. */
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

    /** Saves new tokens first of all; the lease ends in the same transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void saved(String connectionId, String owner, TokenSet tokens) {
        Connection connection = em.find(Connection.class, connectionId);
        Instant now = clock.instant();
        custody.store(connection, tokens);
        connection.refreshed(now);
        leases.release(connectionId, owner);
        audit.recordAs(Actor.SYSTEM, connection.teamId(), connection.siteId(), "connection.refreshed",
                target(connection), Map.of("expires_at", tokens.expiresAt() == null ? "never" : tokens.expiresAt().toString(),
                        "refresh_token_rotated", Boolean.toString(tokens.refreshToken() != null)));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome failed(String connectionId, String owner, ProviderException failure) {
        Connection connection = em.find(Connection.class, connectionId);
        Instant now = clock.instant();
        Outcome outcome;
        if (failure.reason() == ProviderException.Reason.INVALID_GRANT
                || failure.reason() == ProviderException.Reason.REJECTED) {
            connection.refreshFailed(truncate(failure.getMessage()));
            outcome = Outcome.FAILED;
        } else {
            Duration backoff = Duration.ofSeconds(30L << Math.min(connection.refreshFailures(), 7));
            if (backoff.compareTo(MAX_BACKOFF) > 0) {
                backoff = MAX_BACKOFF;
            }
            // A token that expires before the back-off ends is retried sooner: halfway to its expiry.
            if (connection.expiresAt() != null && connection.expiresAt().isAfter(now)) {
                Duration halfway = Duration.between(now, connection.expiresAt()).dividedBy(2);
                if (backoff.compareTo(halfway) > 0) {
                    backoff = halfway.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : halfway;
                }
            }
            // The provider's Retry-After is always respected.
            if (failure.retryAfter() != null && failure.retryAfter().compareTo(backoff) > 0) {
                backoff = failure.retryAfter();
            }
            connection.refreshPostponed(truncate(failure.getMessage()), now.plus(backoff));
            outcome = Outcome.POSTPONED;
        }
        leases.release(connectionId, owner);
        audit.recordAs(Actor.SYSTEM, connection.teamId(), connection.siteId(), "connection.refresh_failed",
                target(connection), Map.of("reason", failure.reason().name().toLowerCase(java.util.Locale.ROOT),
                        "message", truncate(failure.getMessage()),
                        "next_attempt_at", connection.nextAttemptAt() == null ? "none" : connection.nextAttemptAt().toString()));
        return outcome;
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

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 480 ? text : text.substring(0, 480);
    }
}
