package dev.latchkey.problems.control;

import java.util.List;

/**
 * A failure the caller can understand and act on. Subclasses name what went wrong in domain
 * words; the mapper turns each into the one error shape with the code it carries.
 */
public abstract class DomainException extends RuntimeException {

    private final ErrorCode code;

    protected DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Per-field problems, for 400s; empty otherwise. */
    public List<InvalidField> fields() {
        return List.of();
    }
}
