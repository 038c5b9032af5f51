package dev.latchkey.tokens.boundary;

import dev.latchkey.credentials.control.Permission;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.tokens.control.ApiTokenKind;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An API token as shown: never its secret, except {@code token} in the one response that
 * creates (or rolls to) it.
 */
public record ApiTokenView(String id, String name, String type, String environment, String prefix, String last4,
                           List<String> permissions, List<String> scopes, Instant expiresAt, List<String> allowedIps,
                           Map<String, Object> rateLimit, Instant createdAt, String createdBy, Instant lastUsedAt,
                           String status, String rolledFrom, @JsonbNillable(false) String token) {

    public static ApiTokenView of(Credential credential, List<String> scopes, Instant now) {
        return withToken(credential, scopes, now, null);
    }

    public static ApiTokenView withToken(Credential credential, List<String> scopes, Instant now, String token) {
        return new ApiTokenView(credential.id(), credential.name(), ApiTokenKind.ofPrefix(credential.prefix()).wireName(),
                credential.environment(), credential.prefix(), credential.last4(),
                credential.permissions().stream().map(Permission::wireName).toList(), scopes,
                credential.expiresAt(), credential.allowedIps(), credential.rateLimitRequests() == null ? null
                        : Map.of("requests", credential.rateLimitRequests(), "per_seconds", credential.rateLimitSeconds()),
                credential.createdAt(),
                credential.createdBy(), credential.lastUsedAt(), credential.status(now), credential.rolledFrom(), token);
    }
}
