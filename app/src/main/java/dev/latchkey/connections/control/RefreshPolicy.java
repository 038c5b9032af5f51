package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import java.time.Duration;
import java.time.Instant;

/**
 * Every refresh decision, from a connection's state and the time alone (no database, no
 * provider): what a fetch is handed, whether a refresh attempt calls the provider, and what a
 * failed refresh leads to. {@code RefreshPolicyTest} checks each promise the README makes here.
 *
 * <p>The fetch rule: a token is handed out only when it is valid now by everything Latchkey
 * knows — the connection is active, no refresh of it is under way or was interrupted (the
 * provider may have replaced the token), and it expires no sooner than the hand-out margin.
 * Otherwise a fetch waits for a refresh under way, or refreshes first when that may be tried
 * now; it is told to retry when the provider is being backed off, and to reconnect when the
 * grant is gone.
 *
 * <p>The back-off, for every caller alike (the schedule, a fetch, a forced refresh): 30 s
 * doubling with each consecutive failure up to an hour; while the token is still valid never
 * past halfway to its expiry (at least a second later); once it has expired the count restarts
 * from the base and the wait stays under five minutes, so a connection recovers soon after its
 * provider does; and never sooner than the provider's {@code Retry-After}.
 */
public final class RefreshPolicy {

    /** What a fetch does next. */
    public enum Verdict {
        /** Hand the stored token out. */
        SERVE,
        /** Refresh it first (then decide again). */
        REFRESH_FIRST,
        /** A refresh is under way: wait for its outcome (then decide again). */
        WAIT,
        /** Answer "retry after {@link Decision#retryAfter()}", calling nobody. */
        RETRY_LATER,
        /** The grant is gone: the connection must be connected again. */
        RECONNECT
    }

    /** A verdict, with the reason a caller reads and, for {@code RETRY_LATER}, how long to wait. */
    public record Decision(Verdict verdict, String reason, Duration retryAfter) {

        static Decision of(Verdict verdict) {
            return new Decision(verdict, null, null);
        }
    }

    /** What a fetch has done so far: it waits for someone else's refresh once, and tries its own once. */
    public record Tried(boolean waited, boolean refreshed) {

        public static final Tried NOTHING = new Tried(false, false);

        public Tried afterWaiting() {
            return new Tried(true, refreshed);
        }

        public Tried afterRefreshing() {
            return new Tried(waited, true);
        }
    }

    /** Whether a refresh attempt (holding the lease) calls the provider, and if not, why. */
    public enum Attempt {
        CALL_PROVIDER,
        /** No refresh token, or the connection needs reconnecting. */
        NOT_REFRESHABLE,
        /** A failed attempt is being backed off. */
        BACKING_OFF,
        /** Not due (and not forced): someone else just refreshed it. */
        NOT_DUE
    }

    /**
     * What follows a failed refresh: {@code reconnectReason} non-null when the grant is gone;
     * otherwise the consecutive failures counted so far and when to try next.
     */
    public record AfterFailure(String reconnectReason, int failures, Instant nextAttemptAt) {

        public boolean reconnect() {
            return reconnectReason != null;
        }
    }

    /** The values of a connection the policy reads. */
    public record State(String provider, boolean active, String statusReason, boolean refreshable, Instant expiresAt,
                        Instant nextAttemptAt, String lastError, int refreshFailures, Instant lastAttemptAt,
                        Instant refreshStartedAt, Instant leaseUntil, Instant refreshInterruptedAt) {

        public static State of(Connection c) {
            return new State(c.provider(), c.active(), c.statusReason(), c.refreshable(), c.expiresAt(),
                    c.nextAttemptAt(), c.lastError(), c.refreshFailures(), c.lastAttemptAt(), c.refreshStartedAt(),
                    c.leaseUntil(), c.refreshInterruptedAt());
        }
    }

    static final Duration RETRY_SOON = Duration.ofSeconds(2);
    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);
    static final Duration MAX_AFTER_EXPIRY = Duration.ofMinutes(5);
    static final Duration MIN = Duration.ofSeconds(1);

    private final Duration refreshMargin;
    private final Duration handoutMargin;

    /**
     * @param refreshMargin a token expiring within it is refreshed first
     * @param handoutMargin a token expiring within it is never handed out (capped at half the
     *                      refresh margin, so a token is always due before it becomes unusable)
     */
    public RefreshPolicy(Duration refreshMargin, Duration handoutMargin) {
        this.refreshMargin = refreshMargin;
        Duration half = refreshMargin.dividedBy(2);
        this.handoutMargin = handoutMargin.compareTo(half) > 0 ? half : handoutMargin;
    }

    public Duration refreshMargin() {
        return refreshMargin;
    }

    /** What a fetch does with the connection in state {@code s}, having done {@code tried} already. */
    public Decision handout(State s, Instant now, Tried tried) {
        String provider = s.provider();
        if (!s.active()) {
            return new Decision(Verdict.RECONNECT, s.statusReason() != null ? s.statusReason()
                    : "The " + provider + " connection must be connected again", null);
        }
        boolean interrupted = interrupted(s, now);
        boolean inFlight = inFlight(s, now);
        boolean backingOff = backingOff(s, now);
        if (s.refreshable() && (interrupted || inFlight || expiresWithin(s, now, refreshMargin))
                && !backingOff && !tried.refreshed()) {
            return Decision.of(inFlight && !tried.waited() ? Verdict.WAIT : Verdict.REFRESH_FIRST);
        }
        if (!interrupted && !inFlight && !expiresWithin(s, now, handoutMargin)) {
            return Decision.of(Verdict.SERVE);
        }
        if (!s.refreshable()) {
            return new Decision(Verdict.RECONNECT, "The " + provider + " token expired at " + s.expiresAt()
                    + " and the connection has no refresh token: connect " + provider + " again", null);
        }
        if (backingOff) {
            return new Decision(Verdict.RETRY_LATER, "The " + provider + " token "
                    + (interrupted ? "is being recovered from an interrupted refresh" : "has expired or is about to")
                    + " and " + provider + " could not refresh it (" + s.lastError() + "); the next attempt is at "
                    + s.nextAttemptAt(), Duration.between(now, s.nextAttemptAt()));
        }
        return new Decision(Verdict.RETRY_LATER, "A refresh of the " + provider + " token is under way; retry shortly",
                RETRY_SOON);
    }

    /**
     * Whether a refresh attempt that holds the lease calls the provider. {@code force} refreshes
     * even a token far from expiry; otherwise a token someone else just refreshed is left alone.
     * A back-off in force is respected either way; an interrupted refresh is always retried.
     */
    public Attempt attempt(State s, Instant now, boolean force) {
        if (!s.active() || !s.refreshable()) {
            return Attempt.NOT_REFRESHABLE;
        }
        if (backingOff(s, now)) {
            return Attempt.BACKING_OFF;
        }
        if (!force && s.refreshInterruptedAt() == null && !due(s, now)) {
            return Attempt.NOT_DUE;
        }
        return Attempt.CALL_PROVIDER;
    }

    /** Whether the token is due for a refresh: refreshable, active, and expiring within the refresh margin. */
    public boolean due(State s, Instant now) {
        return s.active() && s.refreshable() && expiresWithin(s, now, refreshMargin);
    }

    /**
     * What follows a failed refresh: a refused grant ({@code grantRefused}, the provider's {@code
     * invalid_grant}) needs reconnecting, with a reason that says whether an interrupted refresh
     * lost a rotated refresh token; anything else is backed off ({@link #backOff}).
     *
     * @param message    what the provider said (already truncated)
     * @param retryAfter how long the provider asked to wait (null if it did not say)
     */
    public static AfterFailure afterFailure(State s, Instant now, boolean grantRefused, String message,
                                            Duration retryAfter) {
        String provider = s.provider();
        if (grantRefused) {
            return new AfterFailure(s.refreshInterruptedAt() != null
                    ? "A refresh that started at " + s.refreshInterruptedAt() + " was interrupted (Latchkey "
                    + "stopped while " + provider + " answered); " + provider + " had already replaced the refresh token, "
                    + "and the replacement was lost. Connect " + provider + " again."
                    : provider + " refused the refresh (" + message + "): the grant was revoked or has expired. Connect "
                    + provider + " again.", s.refreshFailures() + 1, null);
        }
        return backOff(s.refreshFailures(), s.lastAttemptAt(), s.expiresAt(), now, retryAfter);
    }

    /**
     * The back-off after one more failure.
     *
     * @param failuresSoFar consecutive failures before this one
     * @param lastAttemptAt when the previous attempt was made (null if none)
     * @param expiresAt     the current token's expiry (null if it does not expire)
     * @param retryAfter    how long the provider asked to wait (null if it did not say)
     */
    static AfterFailure backOff(int failuresSoFar, Instant lastAttemptAt, Instant expiresAt, Instant now,
                                Duration retryAfter) {
        boolean expired = expiresAt != null && !expiresAt.isAfter(now);
        boolean firstSinceExpiry = expired && (lastAttemptAt == null || lastAttemptAt.isBefore(expiresAt));
        int failures = (firstSinceExpiry ? 0 : failuresSoFar) + 1;
        Duration wait = BASE.multipliedBy(1L << Math.min(failures - 1, 7));
        Duration cap = expired ? MAX_AFTER_EXPIRY : MAX;
        if (wait.compareTo(cap) > 0) {
            wait = cap;
        }
        if (expiresAt != null && !expired) {
            Duration halfway = Duration.between(now, expiresAt).dividedBy(2);
            if (wait.compareTo(halfway) > 0) {
                wait = halfway.compareTo(MIN) < 0 ? MIN : halfway;
            }
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return new AfterFailure(null, failures, now.plus(wait));
    }

    /** A refresh whose holder died: its marker is set and its lease has expired, or it was already taken over. */
    static boolean interrupted(State s, Instant now) {
        return s.refreshInterruptedAt() != null
                || (s.refreshStartedAt() != null && (s.leaseUntil() == null || s.leaseUntil().isBefore(now)));
    }

    /** A refresh under way: the token may be replaced any moment, so a fetch waits for the new one. */
    static boolean inFlight(State s, Instant now) {
        return s.refreshStartedAt() != null && s.leaseUntil() != null && !s.leaseUntil().isBefore(now);
    }

    static boolean backingOff(State s, Instant now) {
        return s.nextAttemptAt() != null && s.nextAttemptAt().isAfter(now);
    }

    private static boolean expiresWithin(State s, Instant now, Duration margin) {
        return s.expiresAt() != null && s.expiresAt().isBefore(now.plus(margin));
    }
}
