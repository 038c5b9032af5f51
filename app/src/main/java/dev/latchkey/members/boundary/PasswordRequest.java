package dev.latchkey.members.boundary;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /v1/members/{id}/password}. Never logged, audited or returned. */
public record PasswordRequest(@NotNull String password) {

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
