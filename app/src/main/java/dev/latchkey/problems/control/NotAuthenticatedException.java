package dev.latchkey.problems.control;

/** No credential, or one that is malformed, unknown, expired or revoked. */
public class NotAuthenticatedException extends DomainException {

    public NotAuthenticatedException(String message) {
        super(ErrorCode.UNAUTHORIZED, message);
    }
}
