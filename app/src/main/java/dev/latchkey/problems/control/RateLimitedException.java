package dev.latchkey.problems.control;

/** Too many requests (or failed attempts); the response says when to retry. */
public class RateLimitedException extends DomainException {

    public RateLimitedException(String message) {
        super(ErrorCode.RATE_LIMITED, message);
    }
}
