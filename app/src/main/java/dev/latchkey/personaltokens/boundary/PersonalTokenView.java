package dev.latchkey.personaltokens.boundary;

import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.Permission;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A personal access token as shown: never its secret, except {@code token} in the one
 * response that creates it (absent everywhere else).
 */
@Schema(example = "{\"id\": \"tok_4hJk8sLq0wEr2tYu\", \"name\": \"laptop CLI\", \"prefix\": \"pat_\", \"last4\": \"9fKe\", \"permissions\": [\"read\"], \"expires_at\": \"2026-04-15T09:30:00Z\", \"created_at\": \"2026-01-15T09:30:00Z\", \"created_by\": \"mem_1aB2c3D4e5F6g7H8\", \"last_used_at\": null, \"status\": \"active\", \"token\": \"pat_…9fKe (the whole secret, shown once, on creation only)\"}")
public record PersonalTokenView(String id, String name, String prefix, String last4, List<String> permissions,
                                Instant expiresAt, Instant createdAt, String createdBy, Instant lastUsedAt,
                                String status, @JsonbNillable(false) String token) {

    public static PersonalTokenView of(Credential credential, Instant now) {
        return withToken(credential, now, null);
    }

    public static PersonalTokenView withToken(Credential credential, Instant now, String token) {
        return new PersonalTokenView(credential.id(), credential.name(), credential.prefix(), credential.last4(),
                credential.permissions().stream().map(Permission::wireName).toList(), credential.expiresAt(),
                credential.createdAt(), credential.createdBy(), credential.lastUsedAt(), credential.status(now).wireName(), token);
    }
}
