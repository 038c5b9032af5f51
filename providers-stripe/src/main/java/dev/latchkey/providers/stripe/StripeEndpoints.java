package dev.latchkey.providers.stripe;

import dev.latchkey.providers.ProviderConfig;
import java.net.URI;

/** The URLs the Stripe provider calls, each overridable in the configuration. */
record StripeEndpoints(String authorizeUrl, URI tokenUrl, URI deauthorizeUrl, String apiUrl) {

    static final String AUTHORIZE_URL = "authorize-url";
    static final String TOKEN_URL = "token-url";
    static final String DEAUTHORIZE_URL = "deauthorize-url";
    static final String API_URL = "api-url";

    static final String DEFAULT_AUTHORIZE_URL = "https://connect.stripe.com/oauth/authorize";
    static final String DEFAULT_TOKEN_URL = "https://connect.stripe.com/oauth/token";
    static final String DEFAULT_DEAUTHORIZE_URL = "https://connect.stripe.com/oauth/deauthorize";
    static final String DEFAULT_API_URL = "https://api.stripe.com";

    static StripeEndpoints from(ProviderConfig config) {
        String authorize = config.get(AUTHORIZE_URL, DEFAULT_AUTHORIZE_URL);
        URI.create(authorize);
        String api = config.get(API_URL, DEFAULT_API_URL);
        URI.create(api);
        return new StripeEndpoints(authorize,
                URI.create(config.get(TOKEN_URL, DEFAULT_TOKEN_URL)),
                URI.create(config.get(DEAUTHORIZE_URL, DEFAULT_DEAUTHORIZE_URL)),
                api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
    }

    /** The connected account, read with the platform key on behalf of {@code Stripe-Account}. */
    URI account() {
        return URI.create(apiUrl + "/v1/account");
    }
}
