package dev.latchkey.problems.control;

/** A valid credential that may not do this (permission, role, address, environment). */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }

    protected NotPermittedException(ErrorCode code, String message) {
        super(code, message);
    }
}
