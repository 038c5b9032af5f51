package dev.latchkey.providers;

import java.net.URI;

/** An authorization code to exchange, with the redirect URI and PKCE verifier of its request. */
public record CodeExchange(String code, URI redirectUri, String codeVerifier) {

    @Override
    public String toString() {
        return "CodeExchange[redirectUri=" + redirectUri + "]";
    }
}
