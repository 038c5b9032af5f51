package dev.latchkey.oauth.control;

import java.util.List;

/** A validated authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636). */
public record AuthorizationRequest(String clientId, String redirectUri, List<String> scopes, String state,
                                   String codeChallenge, String nonce) {

    /** A request without an OpenID Connect {@code nonce}. */
    public AuthorizationRequest(String clientId, String redirectUri, List<String> scopes, String state,
                                String codeChallenge) {
        this(clientId, redirectUri, scopes, state, codeChallenge, null);
    }
}
