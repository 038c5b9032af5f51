package dev.latchkey.problems.control;

/** Too many requests (or failed attempts); the response says when to retry. */
public class RateLimitedException extends DomainException {

    public RateLimitedException(String message) {
        super(ErrorCode.RATE_LIMITED, message);
    }

    /** Refused for about {@code retryAfter}; the answer says so in {@code Retry-After}. */
    public RateLimitedException(String message, java.time.Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message, retryAfter);
    }
}
