package dev.latchkey.verification.boundary;

import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.tokens.control.KeyOwnership;
import dev.latchkey.verification.control.KeyVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a verification, never the key: the key's identity, owner and metadata once it was
 * found (everything null for {@code NOT_FOUND}), its permissions and scopes once it authenticated,
 * its rate limit once that was applied.
 */
@Schema(example = "{\"valid\": true, \"code\": \"VALID\", \"key_id\": \"tok_8fQ2mZr1Lw0cVb6N\", \"site_id\": \"site_3kP9qW2xZ7aB1cD4\", \"environment\": \"live\", \"permissions\": [\"read\", \"write\"], \"scopes\": [], \"owner_id\": \"customer_42\", \"metadata\": {\"plan\": \"pro\"}, \"expires_at\": null, \"rate_limit\": {\"limit\": 100, \"remaining\": 99, \"reset\": 1}}")
public record VerificationView(boolean valid,
                               @Schema(enumeration = {"VALID", "NOT_FOUND", "REVOKED", "EXPIRED", "RATE_LIMITED",
                                       "ADDRESS_NOT_ALLOWED", "INSUFFICIENT_PERMISSIONS", "INSUFFICIENT_SCOPE",
                                       "DISABLED"}) String code,
                               String keyId, String siteId, String environment, List<String> permissions,
                               List<String> scopes, String ownerId, Map<String, Object> metadata, Instant expiresAt,
                               VerificationRateLimit rateLimit) {

    /** The key's rate limit after this use: its size, what is left, seconds until it is full again. */
    public record VerificationRateLimit(long limit, long remaining, long reset) {
    }

    static VerificationView of(KeyVerifier.Verdict verdict) {
        Credential key = verdict.credential();
        var caller = verdict.caller();
        var decision = verdict.rateLimit();
        return new VerificationView(verdict.valid(), verdict.code().name(),
                key == null ? null : key.id(), key == null ? null : key.siteId(),
                key == null ? null : key.environment(),
                caller == null ? null : caller.permissions().stream().map(Permission::wireName).sorted().toList(),
                caller == null ? null : caller.scopes(),
                key == null ? null : key.ownerId(), key == null ? null : KeyOwnership.metadata(key.metadata()),
                key == null ? null : key.expiresAt(),
                decision == null ? null
                        : new VerificationRateLimit(decision.limit(), decision.remaining(), decision.resetSeconds()));
    }
}
