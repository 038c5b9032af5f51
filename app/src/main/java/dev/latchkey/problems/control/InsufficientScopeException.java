package dev.latchkey.problems.control;

/** A valid credential without a scope that covers the fields it asked for. */
public class InsufficientScopeException extends NotPermittedException {

    public InsufficientScopeException(String message) {
        super(ErrorCode.INSUFFICIENT_SCOPE, message);
    }

    @Override
    public java.util.Optional<BearerChallenge> challenge() {
        return java.util.Optional.of(BearerChallenge.insufficientScope(null));
    }

    @Override
    public boolean lacksAuthority() {
        return true;
    }
}
