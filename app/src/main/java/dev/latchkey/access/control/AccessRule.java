package dev.latchkey.access.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.problems.control.LacksPermissionException;
import dev.latchkey.problems.control.NotPermittedException;
import java.util.Optional;

/**
 * What a route asks of its caller: a kind of credential, a permission (none: the resource
 * checks a permission per document type), and for some routes a role. The refusal, if any,
 * is returned in words a caller can act on.
 */
public record AccessRule(Audience audience, Permission permission, Standing standing) {

    /** Beyond the credential: whether the member must be an owner, or the instance admin. */
    public enum Standing {
        ANY_MEMBER, OWNER, INSTANCE_ADMIN
    }

    /** Whether the policy filter lets every request through (the route checks what it needs itself). */
    public boolean isPublic() {
        return audience == Audience.PUBLIC || audience == Audience.OWN_BEARER;
    }

    /** Why this caller may not call the route, or empty when it may. */
    public Optional<String> refusalFor(Caller caller) {
        return refusal(caller).map(RuntimeException::getMessage);
    }

    /**
     * The same, as the refusal to throw: a missing permission says so in its bearer challenge
     * (RFC 6750 §3.1 {@code insufficient_scope}).
     */
    public Optional<NotPermittedException> refusal(Caller caller) {
        if (isPublic()) {
            return Optional.empty();
        }
        if (!audience.admits(caller)) {
            return Optional.of(new NotPermittedException(audience.refusal()));
        }
        if (permission != null && !caller.permissions().contains(permission)) {
            return Optional.of(new LacksPermissionException(permission.wireName(),
                    "This credential lacks the '" + permission.wireName() + "' permission"));
        }
        return standingRefusal(caller).map(NotPermittedException::new);
    }

    private Optional<String> standingRefusal(Caller caller) {
        if (standing == Standing.OWNER && (caller.member() == null || caller.member().role() != Role.OWNER)) {
            return Optional.of("Only team owners may do this");
        }
        if (standing == Standing.INSTANCE_ADMIN && (caller.member() == null || !caller.member().instanceAdmin())) {
            return Optional.of("Only the instance admin may do this");
        }
        return Optional.empty();
    }
}
