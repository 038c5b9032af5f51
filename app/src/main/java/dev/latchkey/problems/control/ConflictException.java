package dev.latchkey.problems.control;

/** The change clashes with what exists: a duplicate name, or a state that forbids it. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}
