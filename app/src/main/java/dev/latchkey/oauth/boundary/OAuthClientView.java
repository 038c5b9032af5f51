package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.ClientOrigins;
import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A client as shown; {@code client_secret} only in the response that creates or rolls it;
 * {@code allowed_origins} as CORS applies them (set, or derived from the redirect URIs).
 */
@Schema(example = "{\"client_id\": \"client_5Tg6Yh7Uj8Ik9Ol0\", \"name\": \"Shop web app\", \"type\": \"public\", \"environment\": \"live\", \"site_id\": \"site_3kTMd9aL2xQ8pR7v\", \"redirect_uris\": [\"https://shop.example.com/callback\"], \"grant_types\": [\"authorization_code\", \"refresh_token\"], \"scopes\": [\"openid\", \"customers\"], \"allowed_origins\": [\"https://shop.example.com\"], \"secret_last4\": null, \"created_by\": \"mem_1aB2c3D4e5F6g7H8\", \"created_at\": \"2026-01-15T09:30:00Z\"}")
public record OAuthClientView(String clientId, String name, String type, String environment, String siteId,
                              List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                              List<String> allowedOrigins, String secretLast4, String createdBy, Instant createdAt,
                              @JsonbNillable(false) String clientSecret) {

    public static OAuthClientView of(OAuthClient client, String secret) {
        return new OAuthClientView(client.id(), client.name(), client.type(), client.environment().wireName(), client.siteId(),
                client.redirectUris(), client.grantTypes(), client.scopes(), ClientOrigins.of(client),
                client.secretLast4(), client.createdBy(),
                client.createdAt(), secret);
    }
}
