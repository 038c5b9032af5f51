package dev.latchkey.oauth.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/sites/{site}/oauth-clients}; {@code allowed_origins} absent: the origins of the
 * redirect URIs.
 */
@Schema(example = "{\"name\": \"Shop web app\", \"type\": \"public\", \"redirect_uris\": [\"https://shop.example.com/callback\"], \"grant_types\": [\"authorization_code\", \"refresh_token\"], \"scopes\": [\"openid\", \"customers\"], \"allowed_origins\": [\"https://shop.example.com\"]}")
public record CreateOAuthClientRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull String type,
        String environment,
        @Size(max = 20) List<String> redirectUris,
        List<String> grantTypes,
        List<String> scopes,
        java.util.Map<String, Object> jwks,
        @Size(max = 20) List<String> allowedOrigins) {
}
