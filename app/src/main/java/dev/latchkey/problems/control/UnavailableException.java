package dev.latchkey.problems.control;

/** Something Latchkey depends on (the database, a provider) cannot answer now; retry later. */
public class UnavailableException extends DomainException {

    public UnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }

    /** Unavailable for about {@code retryAfter}; the answer says so in {@code Retry-After}. */
    public UnavailableException(String message, java.time.Duration retryAfter) {
        super(ErrorCode.UNAVAILABLE, message, retryAfter);
    }
}
