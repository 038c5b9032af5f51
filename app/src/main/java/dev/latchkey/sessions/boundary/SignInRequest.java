package dev.latchkey.sessions.boundary;

import jakarta.validation.constraints.NotNull;

/** {@code POST /v1/sessions}; {@code team_id} only when the email has the password in several teams. Never logged. */
public record SignInRequest(@NotNull String email, @NotNull String password, String teamId) {

    @Override
    public String toString() {
        return "SignInRequest[email=" + email + ", password=***, teamId=" + teamId + "]";
    }
}
