package dev.latchkey.members.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/members}; {@code password} is optional (needed to sign in on the consent page). */
@Schema(example = "{\"email\": \"dev@example.com\", \"name\": \"Dana Developer\", \"role\": \"developer\"}")
public record CreateMemberRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull String role,
        String password) {

    @Override
    public String toString() {
        return "CreateMemberRequest[" + email + ", " + role + "]";
    }
}
