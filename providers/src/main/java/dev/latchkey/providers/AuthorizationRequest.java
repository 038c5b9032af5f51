package dev.latchkey.providers;

import java.net.URI;
import java.util.List;

/**
 * What goes into an authorization URL. {@code codeChallenge} is the S256 PKCE challenge, or
 * null for providers without PKCE.
 */
public record AuthorizationRequest(String state, URI redirectUri, List<String> scopes, String codeChallenge) {

    public AuthorizationRequest {
        scopes = List.copyOf(scopes);
    }
}
