package dev.latchkey.providers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tokens for one connection. {@code expiresAt} is null when the access token does not expire
 * (or the provider does not say, see each plugin); {@code refreshToken} is null when there is
 * none. {@code extras} keeps provider facts that later calls need (Salesforce's
 * {@code instance_url}, Stripe's {@code stripe_user_id}); they are not secret.
 */
public record TokenSet(String accessToken, String refreshToken, String tokenType, Instant expiresAt,
                       List<String> grantedScopes, Map<String, String> extras) {

    public TokenSet {
        grantedScopes = List.copyOf(grantedScopes);
        extras = Map.copyOf(extras);
    }

    public String extra(String key) {
        return extras.get(key);
    }

    /** Never prints a token. */
    @Override
    public String toString() {
        return "TokenSet[type=" + tokenType + ", expiresAt=" + expiresAt + ", scopes=" + grantedScopes
                + ", refreshable=" + (refreshToken != null) + ", extras=" + extras.keySet() + "]";
    }
}
