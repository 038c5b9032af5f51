package dev.latchkey.members.boundary;

import jakarta.validation.constraints.NotNull;

/** {@code PATCH /v1/members/{id}}. */
public record ChangeRoleRequest(@NotNull String role) {
}
