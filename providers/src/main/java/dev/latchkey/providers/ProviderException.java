package dev.latchkey.providers;

import java.time.Duration;

/**
 * A provider call that failed, reduced to what Latchkey acts on. The message never contains
 * a token or a client secret.
 */
public class ProviderException extends RuntimeException {

    /** Why a call failed. */
    public enum Reason {
        /** The code or refresh token is invalid, expired or revoked: retrying will not help. */
        INVALID_GRANT,
        /** The provider refused the request (bad client credentials, bad scope, denied). */
        REJECTED,
        /** The provider could not be reached or answered 5xx: try again later. */
        UNAVAILABLE,
        /** The provider asks to slow down; see {@link #retryAfter()}. */
        RATE_LIMITED
    }

    private final Reason reason;
    private final Duration retryAfter;

    public ProviderException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public ProviderException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** How long the provider asked to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
