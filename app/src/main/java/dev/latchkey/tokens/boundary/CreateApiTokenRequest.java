package dev.latchkey.tokens.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/sites/{site}/tokens}. */
@Schema(example = "{\"name\": \"backend\", \"type\": \"restricted\", \"environment\": \"live\", \"permissions\": [\"read\"], \"expires_at\": \"2027-01-01T00:00:00Z\", \"allowed_ips\": [\"203.0.113.0/24\"], \"owner_id\": \"customer_42\", \"metadata\": {\"plan\": \"pro\"}}",
        description = "type is secret, restricted or verifier (a vk_ key that only verifies the site's keys of its "
                + "environment: no permissions, scopes, owner or metadata)")
public record CreateApiTokenRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull String type,
        @NotNull String environment,
        List<String> permissions,
        List<String> scopes,
        String expiresAt,
        @Size(max = 50) List<String> allowedIps,
        Map<String, Object> rateLimit,
        @Size(min = 1, max = 128) @Schema(description = "The team's own id for the customer or service holding the key")
        String ownerId,
        @Schema(type = SchemaType.OBJECT,
                description = "A JSON object of at most 4 KiB serialized, returned by listings and verify")
        Object metadata) {
}
