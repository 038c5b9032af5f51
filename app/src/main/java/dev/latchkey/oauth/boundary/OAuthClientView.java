package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.ClientOrigins;
import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A client as shown; {@code client_secret} only in the response that creates or rolls it;
 * {@code allowed_origins} as CORS applies them (set, or derived from the redirect URIs).
 */
public record OAuthClientView(String clientId, String name, String type, String environment, String siteId,
                              List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                              List<String> allowedOrigins, String secretLast4, String createdBy, Instant createdAt,
                              @JsonbNillable(false) String clientSecret) {

    public static OAuthClientView of(OAuthClient client, String secret) {
        return new OAuthClientView(client.id(), client.name(), client.type(), client.environment(), client.siteId(),
                client.redirectUris(), client.grantTypes(), client.scopes(), ClientOrigins.of(client),
                client.secretLast4(), client.createdBy(),
                client.createdAt(), secret);
    }
}
