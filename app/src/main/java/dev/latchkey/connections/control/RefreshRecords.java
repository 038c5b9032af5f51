package dev.latchkey.connections.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The short transactions of a refresh, each its own ({@code REQUIRES_NEW}), so none is held while
 * a provider is called: reading a connection and its tokens, and recording each outcome — new
 * tokens saved, a failure backed off or marked {@code reconnect_required} ({@link
 * RefreshPolicy#afterFailure}), an interrupted refresh noticed, a check with the provider — with
 * the lease and the in-flight marker ended in the same transaction, audited and logged (never a
 * token).
 */
@ApplicationScoped
public class RefreshRecords {

    private static final Logger LOG = Logger.getLogger(RefreshRecords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ConnectionCustody custody;

    @Inject
    ConnectionLeases leases;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The connection as it is now, detached. */
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

    /** Ends a lease (and its marker) whose holder did not call the provider. */
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
     * {@code reconnect_required}; anything else is tried again after the back-off.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Refresher.Outcome failed(String connectionId, String owner, ProviderException failure) {
        Connection connection = em.find(Connection.class, connectionId);
        Instant now = clock.instant();
        String provider = connection.provider();
        String message = truncate(failure.getMessage());
        boolean grantRefused = failure.reason() == ProviderException.Reason.INVALID_GRANT;
        RefreshPolicy.AfterFailure next = RefreshPolicy.afterFailure(RefreshPolicy.State.of(connection), now,
                grantRefused, message, failure.retryAfter());
        Refresher.Outcome outcome;
        if (next.reconnect()) {
            connection.refreshFailed(message, truncate(next.reconnectReason()), now);
            outcome = Refresher.Outcome.FAILED;
            LOG.log(Level.WARNING, "Refresh of {0} ({1}) refused: the connection needs reconnecting ({2})",
                    new Object[]{connectionId, provider, message});
        } else {
            connection.refreshPostponed(message, next.failures(), now, next.nextAttemptAt());
            outcome = failure.reason() == ProviderException.Reason.RATE_LIMITED
                    ? Refresher.Outcome.RATE_LIMITED : Refresher.Outcome.POSTPONED;
            LOG.log(Level.INFO, "Refresh of {0} ({1}) failed: {2} ({3}); next attempt at {4}",
                    new Object[]{connectionId, provider, failure.reason().name().toLowerCase(Locale.ROOT), message,
                            next.nextAttemptAt()});
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

    static Target target(Connection connection) {
        return new Target("connection", connection.id(), connection.provider());
    }

    static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 480 ? text : text.substring(0, 480);
    }
}
