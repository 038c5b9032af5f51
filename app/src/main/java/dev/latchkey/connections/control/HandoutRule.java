package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import java.time.Duration;
import java.time.Instant;

/**
 * The fetch rule: a connection's token is handed out only when it is valid now by everything
 * Latchkey knows — the connection is active, no refresh of it was interrupted (the provider may
 * have replaced the token), and it expires no sooner than the hand-out margin. Otherwise the
 * token is refreshed first when that may be tried now (a fetch during someone else's refresh waits
 * for its outcome rather than take the token being replaced); the caller is told to retry when the
 * provider is being backed off; and told to reconnect when the grant is gone.
 */
public final class HandoutRule {

    /** What to do with a fetch. */
    public enum Verdict { SERVE, REFRESH_FIRST, RETRY_LATER, RECONNECT }

    /** A verdict, with the reason a caller reads and, for {@code RETRY_LATER}, how long to wait. */
    public record Decision(Verdict verdict, String reason, Duration retryAfter) {

        static Decision of(Verdict verdict) {
            return new Decision(verdict, null, null);
        }
    }

    static final Duration RETRY_SOON = Duration.ofSeconds(2);

    private final Duration refreshMargin;
    private final Duration handoutMargin;

    /**
     * @param refreshMargin a token expiring within it is refreshed first
     * @param handoutMargin a token expiring within it is never handed out (capped at half the
     *                      refresh margin, so a token is always due before it becomes unusable)
     */
    public HandoutRule(Duration refreshMargin, Duration handoutMargin) {
        this.refreshMargin = refreshMargin;
        Duration half = refreshMargin.dividedBy(2);
        this.handoutMargin = handoutMargin.compareTo(half) > 0 ? half : handoutMargin;
    }

    /**
     * @param refreshTried whether this fetch already tried a refresh (it then never tries again)
     */
    public Decision decide(Connection connection, Instant now, boolean refreshTried) {
        String provider = connection.provider();
        if (!connection.active()) {
            return new Decision(Verdict.RECONNECT, connection.statusReason() != null ? connection.statusReason()
                    : "The " + provider + " connection must be connected again", null);
        }
        boolean interrupted = interrupted(connection, now);
        boolean inFlight = inFlight(connection, now);
        boolean backingOff = backingOff(connection, now);
        if (connection.refreshable() && (interrupted || inFlight || expiresWithin(connection, now, refreshMargin))
                && !backingOff && !refreshTried) {
            return Decision.of(Verdict.REFRESH_FIRST);
        }
        if (!interrupted && !inFlight && !expiresWithin(connection, now, handoutMargin)) {
            return Decision.of(Verdict.SERVE);
        }
        if (!connection.refreshable()) {
            return new Decision(Verdict.RECONNECT, "The " + provider + " token expired at " + connection.expiresAt()
                    + " and the connection has no refresh token: connect " + provider + " again", null);
        }
        if (backingOff) {
            return new Decision(Verdict.RETRY_LATER, "The " + provider + " token "
                    + (interrupted ? "is being recovered from an interrupted refresh" : "has expired or is about to")
                    + " and " + provider + " could not refresh it (" + connection.lastError() + "); the next attempt is at "
                    + connection.nextAttemptAt(), Duration.between(now, connection.nextAttemptAt()));
        }
        return new Decision(Verdict.RETRY_LATER, "A refresh of the " + provider + " token is under way; retry shortly",
                RETRY_SOON);
    }

    /** Whether the token is due for a refresh: refreshable, active, and expiring within the refresh margin. */
    public boolean due(Connection connection, Instant now) {
        return connection.active() && connection.refreshable() && expiresWithin(connection, now, refreshMargin);
    }

    /** A refresh whose holder died: its marker is set and its lease has expired, or it was already taken over. */
    static boolean interrupted(Connection connection, Instant now) {
        return connection.refreshInterruptedAt() != null
                || (connection.refreshStartedAt() != null
                && (connection.leaseUntil() == null || connection.leaseUntil().isBefore(now)));
    }

    /** A refresh under way: the token may be replaced any moment, so a fetch waits for the new one. */
    static boolean inFlight(Connection connection, Instant now) {
        return connection.refreshStartedAt() != null && connection.leaseUntil() != null
                && !connection.leaseUntil().isBefore(now);
    }

    static boolean backingOff(Connection connection, Instant now) {
        return connection.nextAttemptAt() != null && connection.nextAttemptAt().isAfter(now);
    }

    private static boolean expiresWithin(Connection connection, Instant now, Duration margin) {
        return connection.expiresAt() != null && connection.expiresAt().isBefore(now.plus(margin));
    }
}
