package dev.latchkey.client;

import java.security.Principal;

/**
 * The caller a verified key stands for: named by the key's {@code owner_id} when it has one, by its
 * key id otherwise; its roles are the key's permissions.
 */
public record LatchkeyPrincipal(Verification verification) implements Principal {

    @Override
    public String getName() {
        return verification.ownerId() != null ? verification.ownerId() : verification.keyId();
    }

    public boolean isUserInRole(String role) {
        return role != null && verification.permissions().contains(role);
    }
}
