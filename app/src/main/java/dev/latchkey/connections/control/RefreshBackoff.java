package dev.latchkey.connections.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed refresh is tried again, for every caller alike (the schedule, a fetch, a forced
 * refresh): 30 s doubling with each consecutive failure up to an hour; while the token is still
 * valid never past halfway to its expiry (at least a second later); once it has expired the count
 * restarts from the base and the wait stays under five minutes, so a connection recovers soon
 * after its provider does; and never sooner than the provider's {@code Retry-After}.
 */
public final class RefreshBackoff {

    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);
    static final Duration MAX_AFTER_EXPIRY = Duration.ofMinutes(5);
    static final Duration MIN = Duration.ofSeconds(1);

    /** The consecutive failures counted so far, and when to try next. */
    public record Next(int failures, Instant at) {
    }

    private RefreshBackoff() {
    }

    /**
     * @param failuresSoFar consecutive failures before this one
     * @param lastAttemptAt when the previous attempt was made (null if none)
     * @param expiresAt     the current token's expiry (null if it does not expire)
     * @param retryAfter    how long the provider asked to wait (null if it did not say)
     */
    public static Next after(int failuresSoFar, Instant lastAttemptAt, Instant expiresAt, Instant now,
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
        return new Next(failures, now.plus(wait));
    }
}
