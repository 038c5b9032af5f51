package dev.latchkey.problems.control;

import java.util.List;

/**
 * A valid credential asked to create or change something with more authority than its own;
 * names the dimension (site, environment, permissions, data scopes, addresses, expiry, …).
 */
public class InsufficientPermissionException extends NotPermittedException {

    private final String dimension;

    public InsufficientPermissionException(String dimension, String message) {
        super(ErrorCode.INSUFFICIENT_PERMISSION, message);
        this.dimension = dimension;
    }

    @Override
    public java.util.Optional<BearerChallenge> challenge() {
        return java.util.Optional.of(BearerChallenge.insufficientScope(null));
    }

    public String dimension() {
        return dimension;
    }

    @Override
    public List<InvalidField> fields() {
        return List.of(new InvalidField(dimension, getMessage()));
    }

    @Override
    public boolean lacksAuthority() {
        return true;
    }
}
