package dev.latchkey.personaltokens.boundary;

import dev.latchkey.credentials.control.Permission;
import dev.latchkey.credentials.entity.Credential;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A personal access token as shown: never its secret, except {@code token} in the one
 * response that creates it (absent everywhere else).
 */
public record PersonalTokenView(String id, String name, String prefix, String last4, List<String> permissions,
                                Instant expiresAt, Instant createdAt, String createdBy, Instant lastUsedAt,
                                String status, @JsonbNillable(false) String token) {

    public static PersonalTokenView of(Credential credential, Instant now) {
        return withToken(credential, now, null);
    }

    public static PersonalTokenView withToken(Credential credential, Instant now, String token) {
        return new PersonalTokenView(credential.id(), credential.name(), credential.prefix(), credential.last4(),
                credential.permissions().stream().map(Permission::wireName).toList(), credential.expiresAt(),
                credential.createdAt(), credential.createdBy(), credential.lastUsedAt(), credential.status(now), token);
    }
}
