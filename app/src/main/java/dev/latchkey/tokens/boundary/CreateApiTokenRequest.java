package dev.latchkey.tokens.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/sites/{site}/tokens}. */
@Schema(example = "{\"name\": \"backend\", \"type\": \"restricted\", \"environment\": \"live\", \"permissions\": [\"read\"], \"expires_at\": \"2027-01-01T00:00:00Z\", \"allowed_ips\": [\"203.0.113.0/24\"]}")
public record CreateApiTokenRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull String type,
        @NotNull String environment,
        List<String> permissions,
        List<String> scopes,
        String expiresAt,
        @Size(max = 50) List<String> allowedIps,
        Map<String, Object> rateLimit) {
}
