package dev.latchkey.problems.control;

/** A provider connection whose grant is gone (revoked, expired for good): connect it again. */
public class ReconnectRequiredException extends DomainException {

    public ReconnectRequiredException(String message) {
        super(ErrorCode.RECONNECT_REQUIRED, message);
    }
}
