package dev.latchkey.providers.spotify;

import dev.latchkey.providers.ProviderConfig;
import java.net.URI;

/** The URLs the Spotify provider calls, each overridable in the configuration. */
record SpotifyEndpoints(String authorizeUrl, URI tokenUrl, String apiUrl) {

    static final String AUTHORIZE_URL = "authorize-url";
    static final String TOKEN_URL = "token-url";
    static final String API_URL = "api-url";

    static final String DEFAULT_AUTHORIZE_URL = "https://accounts.spotify.com/authorize";
    static final String DEFAULT_TOKEN_URL = "https://accounts.spotify.com/api/token";
    static final String DEFAULT_API_URL = "https://api.spotify.com";

    static SpotifyEndpoints from(ProviderConfig config) {
        String authorize = config.get(AUTHORIZE_URL, DEFAULT_AUTHORIZE_URL);
        URI.create(authorize);
        String api = config.get(API_URL, DEFAULT_API_URL);
        URI.create(api);
        return new SpotifyEndpoints(authorize, URI.create(config.get(TOKEN_URL, DEFAULT_TOKEN_URL)),
                api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
    }

    /** The current user's profile. */
    URI me() {
        return URI.create(apiUrl + "/v1/me");
    }
}
