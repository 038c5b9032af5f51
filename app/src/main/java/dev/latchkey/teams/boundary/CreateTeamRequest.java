package dev.latchkey.teams.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /v1/teams}. */
public record CreateTeamRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String ownerEmail,
        @NotBlank @Size(max = 200) String ownerName) {
}
