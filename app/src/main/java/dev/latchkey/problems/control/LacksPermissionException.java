package dev.latchkey.problems.control;

import java.util.Optional;

/**
 * A valid credential without the permission a call needs: still {@code forbidden} in the body,
 * and the bearer challenge names the scope that would do (RFC 6750 §3.1).
 */
public class LacksPermissionException extends NotPermittedException {

    private final String scope;

    public LacksPermissionException(String scope, String message) {
        super(message);
        this.scope = scope;
    }

    @Override
    public Optional<BearerChallenge> challenge() {
        return Optional.of(BearerChallenge.insufficientScope(scope));
    }

    @Override
    public boolean lacksAuthority() {
        return true;
    }
}
