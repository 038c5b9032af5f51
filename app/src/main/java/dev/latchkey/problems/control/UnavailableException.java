package dev.latchkey.problems.control;

/** Something Latchkey depends on (the database, a provider) cannot answer now; retry later. */
public class UnavailableException extends DomainException {

    public UnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
