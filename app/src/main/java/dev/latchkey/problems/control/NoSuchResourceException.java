package dev.latchkey.problems.control;

/** Nothing by that id that the caller may see; also what another team's things look like. */
public class NoSuchResourceException extends DomainException {

    public NoSuchResourceException(String what, String id) {
        super(ErrorCode.NOT_FOUND, "No such " + what + ": '" + id + "'");
    }

    public NoSuchResourceException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }
}
