package dev.latchkey.tokens.boundary;

import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.tokens.control.ApiTokenKind;
import dev.latchkey.tokens.control.KeyOwnership;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API token as shown: never its secret, except {@code token} in the one response that
 * creates (or rolls to) it.
 */
@Schema(example = "{\"id\": \"tok_8fQ2mZr1Lw0cVb6N\", \"name\": \"backend\", \"type\": \"restricted\", \"environment\": \"live\", \"prefix\": \"rk_live_\", \"last4\": \"x7Qa\", \"permissions\": [\"read\"], \"scopes\": [], \"expires_at\": \"2027-01-01T00:00:00Z\", \"allowed_ips\": [\"203.0.113.0/24\"], \"rate_limit\": null, \"created_at\": \"2026-01-15T09:30:00Z\", \"created_by\": \"mem_1aB2c3D4e5F6g7H8\", \"last_used_at\": null, \"status\": \"active\", \"rolled_from\": null, \"owner_id\": \"customer_42\", \"metadata\": {\"plan\": \"pro\"}, \"token\": \"rk_live_…x7Qa (the whole secret, shown once, on creation only)\"}")
public record ApiTokenView(String id, String name, String type, String environment, String prefix, String last4,
                           List<String> permissions, List<String> scopes, Instant expiresAt, List<String> allowedIps,
                           Map<String, Object> rateLimit, Instant createdAt, String createdBy, Instant lastUsedAt,
                           String status, String rolledFrom, String ownerId, Map<String, Object> metadata,
                           @JsonbNillable(false) String token) {

    public static ApiTokenView of(Credential credential, List<String> scopes, Instant now) {
        return withToken(credential, scopes, now, null);
    }

    public static ApiTokenView withToken(Credential credential, List<String> scopes, Instant now, String token) {
        return new ApiTokenView(credential.id(), credential.name(), ApiTokenKind.ofPrefix(credential.prefix()).wireName(),
                credential.environment().map(Environment::wireName).orElse(null), credential.prefix(), credential.last4(),
                credential.permissions().stream().map(Permission::wireName).toList(), scopes,
                credential.expiresAt(), credential.allowedIps(), credential.rateLimitRequests() == null ? null
                        : Map.of("requests", credential.rateLimitRequests(), "per_seconds", credential.rateLimitSeconds()),
                credential.createdAt(),
                credential.createdBy(), credential.lastUsedAt(), credential.status(now).wireName(), credential.rolledFrom(),
                credential.ownerId(), KeyOwnership.metadata(credential.metadata()), token);
    }
}
