package dev.latchkey.problems.control;

/** No credential, or one that is malformed, unknown, expired or revoked. */
public class NotAuthenticatedException extends DomainException {

    private final boolean credentialSent;

    /** A credential was sent and is not good. */
    public NotAuthenticatedException(String message) {
        this(message, true);
    }

    private NotAuthenticatedException(String message, boolean credentialSent) {
        super(ErrorCode.UNAUTHORIZED, message);
        this.credentialSent = credentialSent;
    }

    /** No credential at all, or one of a scheme Latchkey does not take: the challenge carries no error. */
    public static NotAuthenticatedException noCredential(String message) {
        return new NotAuthenticatedException(message, false);
    }

    @Override
    public java.util.Optional<BearerChallenge> challenge() {
        return java.util.Optional.of(credentialSent ? BearerChallenge.INVALID_TOKEN : BearerChallenge.NO_CREDENTIAL);
    }
}
