package dev.latchkey.providers.spotify;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.ProviderConfig;
import java.util.Map;

/**
 * The OAuth client Latchkey is registered as at Spotify. With a secret it is a confidential
 * client and authenticates with HTTP Basic; without one it is a public PKCE client and names
 * itself with {@code client_id} in the form, which Spotify accepts only with a code verifier
 * (exchange) or for tokens that came from such an exchange (refresh).
 */
record SpotifyClient(String id, String secret) {

    static SpotifyClient from(ProviderConfig config) {
        return new SpotifyClient(config.clientId(), config.clientSecret());
    }

    boolean confidential() {
        return !secret.isEmpty();
    }

    /** Adds the client's authentication to a token request's form or headers. */
    void authenticate(Map<String, String> form, Map<String, String> headers) {
        if (confidential()) {
            headers.put("Authorization", OAuthHttp.basic(id, secret));
        } else {
            form.put("client_id", id);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SpotifyClient[id=" + id + ", confidential=" + confidential() + "]";
    }
}
