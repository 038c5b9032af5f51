package dev.latchkey.problems.control;

import java.time.Duration;
import java.util.List;

/**
 * A failure the caller can understand and act on. Subclasses name what went wrong in domain
 * words; the mapper turns each into the one error shape with the code it carries.
 */
public abstract class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;

    protected DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** A failure that ends by itself: the answer carries {@code Retry-After} (whole seconds, at least 1). */
    protected DomainException(ErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** Seconds to wait before retrying, rounded up, or null when waiting would not help. */
    public Long retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** What {@code WWW-Authenticate} says about this refusal, if anything. */
    public java.util.Optional<BearerChallenge> challenge() {
        return java.util.Optional.empty();
    }

    /** Per-field problems, for 400s; empty otherwise. */
    public List<InvalidField> fields() {
        return List.of();
    }

    /** What a caller needs to act on the refusal (the error's {@code details}), or null. */
    public java.util.Map<String, Object> details() {
        return null;
    }

    /**
     * Whether this refuses an authenticated credential for lacking a permission or scope (counted
     * in the credential's usage as {@code insufficient_permission}).
     */
    public boolean lacksAuthority() {
        return false;
    }
}
