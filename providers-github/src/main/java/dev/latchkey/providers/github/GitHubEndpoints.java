package dev.latchkey.providers.github;

import dev.latchkey.providers.ProviderConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URLs the GitHub provider calls, each overridable in the configuration. */
record GitHubEndpoints(String authorizeUrl, URI tokenUrl, String apiUrl) {

    static final String AUTHORIZE_URL = "authorize-url";
    static final String TOKEN_URL = "token-url";
    static final String API_URL = "api-url";

    static final String DEFAULT_AUTHORIZE_URL = "https://github.com/login/oauth/authorize";
    static final String DEFAULT_TOKEN_URL = "https://github.com/login/oauth/access_token";
    static final String DEFAULT_API_URL = "https://api.github.com";

    static GitHubEndpoints from(ProviderConfig config) {
        String authorize = config.get(AUTHORIZE_URL, DEFAULT_AUTHORIZE_URL);
        URI.create(authorize);
        String api = config.get(API_URL, DEFAULT_API_URL);
        URI.create(api);
        return new GitHubEndpoints(authorize, URI.create(config.get(TOKEN_URL, DEFAULT_TOKEN_URL)),
                api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
    }

    /** The authenticated user. */
    URI user() {
        return URI.create(apiUrl + "/user");
    }

    /** The whole authorization of one user for the app ("Delete an app authorization"). */
    URI grant(String clientId) {
        return application(clientId, "grant");
    }

    /** One token of the app ("Check a token" with POST, "Delete an app token" with DELETE). */
    URI token(String clientId) {
        return application(clientId, "token");
    }

    private URI application(String clientId, String resource) {
        String segment = URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(apiUrl + "/applications/" + segment + "/" + resource);
    }
}
