package dev.latchkey.sessions.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * {@code PUT /v1/members/{id}/password}; {@code current_password} when members change their own
 * password from a console session. Never logged, audited or returned.
 */
public record PasswordRequest(@NotNull String password, String currentPassword) {

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
