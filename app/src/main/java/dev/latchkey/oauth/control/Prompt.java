package dev.latchkey.oauth.control;

import java.util.Set;

/**
 * The {@code prompt} parameter (OpenID Connect Core §3.1.2.1), honoured for every client:
 * {@code none} never shows a page (an error comes back instead), {@code login} asks for the
 * password even with a live session, {@code consent} asks even when consent is remembered.
 * {@code select_account} is accepted and means nothing here: a browser holds one session.
 */
public record Prompt(boolean none, boolean login, boolean consent) {

    private static final Set<String> KNOWN = Set.of("none", "login", "consent", "select_account");

    public static Prompt parse(String prompt, AuthorizationRequest request) {
        Set<String> values = prompt == null || prompt.isBlank() ? Set.of()
                : Set.of(prompt.trim().split("\\s+"));
        if (!KNOWN.containsAll(values)) {
            throw new AuthorizationError("invalid_request", "prompt may be none, login, consent or select_account",
                    request.redirectUri(), request.state());
        }
        if (values.contains("none") && values.size() > 1) {
            throw new AuthorizationError("invalid_request", "prompt=none cannot be combined with other values",
                    request.redirectUri(), request.state());
        }
        return new Prompt(values.contains("none"), values.contains("login"), values.contains("consent"));
    }
}
