package dev.latchkey.credentials.entity;

import java.util.List;
import java.util.Optional;

/** The kinds of credential and the token prefixes that announce them. */
public enum CredentialKind {
    PERSONAL_TOKEN("personal_token", List.of("pat_")),
    API_TOKEN("api_token", List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_")),
    SITE_TOKEN("site_token", List.of("st_")),
    /** A site's verifier key: verifies the site's API keys of its environment, and does nothing else. */
    VERIFIER("verifier", List.of("vk_live_", "vk_test_")),
    /** JWT access tokens of the OAuth server: no opaque prefix, see {@code credentials.control.JwtVerifier}. */
    OAUTH_TOKEN("oauth_token", List.of()),
    /** A short-lived JWT a client signed itself (with its secret or a registered key). */
    JWT("jwt", List.of()),
    /**
     * A member's console session: the session cookie, presented by a browser (no prefix, never in
     * a header); it acts as a personal access token with all of the member's permissions would.
     */
    SESSION("session", List.of());

    private final String wireName;
    private final List<String> prefixes;

    CredentialKind(String wireName, List<String> prefixes) {
        this.wireName = wireName;
        this.prefixes = prefixes;
    }

    public String wireName() {
        return wireName;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public static Optional<CredentialKind> forPrefix(String prefix) {
        for (CredentialKind kind : values()) {
            if (kind.prefixes.contains(prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
