package dev.latchkey.verification.boundary;

import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.http.control.JsonP;
import dev.latchkey.verification.control.KeyVerifier;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a verification, never the key: the key's identity, owner and metadata once it was
 * found (everything null for {@code NOT_FOUND}), its permissions and scopes once it authenticated,
 * its rate limit once that was applied; always how long a valid answer may be reused and the
 * verifier's site and environment's revocation counter. Written by {@link #write} with JSON-P
 * ({@link VerificationJson}), without JSON-B: the verify hot path.
 */
@Schema(name = "KeyVerification", example = "{\"valid\": true, \"code\": \"VALID\", \"key_id\": \"tok_8fQ2mZr1Lw0cVb6N\", \"site_id\": \"site_3kP9qW2xZ7aB1cD4\", \"environment\": \"live\", \"permissions\": [\"read\", \"write\"], \"scopes\": [], \"owner_id\": \"customer_42\", \"metadata\": {\"plan\": \"pro\"}, \"expires_at\": null, \"rate_limit\": {\"limit\": 100, \"remaining\": 99, \"reset\": 1}, \"cache_seconds\": 5, \"revocations\": 3}")
public record VerificationView(boolean valid,
                               @Schema(enumeration = {"VALID", "NOT_FOUND", "REVOKED", "EXPIRED", "RATE_LIMITED",
                                       "ADDRESS_NOT_ALLOWED", "INSUFFICIENT_PERMISSIONS", "INSUFFICIENT_SCOPE",
                                       "DISABLED"}) String code,
                               String keyId, String siteId, String environment, List<String> permissions,
                               List<String> scopes, String ownerId, Map<String, Object> metadata, Instant expiresAt,
                               VerificationRateLimit rateLimit,
                               @Schema(description = "Seconds a client may reuse a valid answer for the same key "
                                       + "(never past expires_at, nor once revocations has grown)") int cacheSeconds,
                               @Schema(description = "How many times a key of the verifier's site and environment "
                                       + "was revoked, switched off or rolled; a client drops the answers it kept "
                                       + "when it sees this grow") long revocations) {

    /** The key's rate limit after this use: its size, what is left, seconds until it is full again. */
    public record VerificationRateLimit(long limit, long remaining, long reset) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static VerificationView of(KeyVerifier.Verdict verdict) {
        Credential key = verdict.credential();
        var caller = verdict.caller();
        var decision = verdict.rateLimit();
        // The stored metadata as read by JSON-P: a JsonObject is a Map, written back as it came.
        Map<String, Object> metadata = key == null || key.metadata() == null ? null : (Map) metadata(key.metadata());
        return new VerificationView(verdict.valid(), verdict.code().name(),
                key == null ? null : key.id(), key == null ? null : key.siteId(),
                key == null ? null : key.environment().map(Environment::wireName).orElse(null),
                caller == null ? null : caller.permissions().stream().map(Permission::wireName).sorted().toList(),
                caller == null ? null : caller.scopes(),
                key == null ? null : key.ownerId(), metadata, key == null ? null : key.expiresAt(),
                decision == null ? null
                        : new VerificationRateLimit(decision.limit(), decision.remaining(), decision.resetSeconds()),
                verdict.cacheSeconds(), verdict.revocations());
    }

    private static JsonObject metadata(String stored) {
        try (var reader = JsonP.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
    }

    /** This answer as one JSON object, in the documented shape (every field, nulls included). */
    void write(JsonGenerator json) {
        json.writeStartObject().write("valid", valid).write("code", code);
        text(json, "key_id", keyId);
        text(json, "site_id", siteId);
        text(json, "environment", environment);
        texts(json, "permissions", permissions);
        texts(json, "scopes", scopes);
        text(json, "owner_id", ownerId);
        Object stored = metadata;
        if (stored instanceof JsonObject object) {
            json.write("metadata", object);
        } else {
            json.writeNull("metadata");
        }
        text(json, "expires_at", expiresAt == null ? null : expiresAt.toString());
        if (rateLimit == null) {
            json.writeNull("rate_limit");
        } else {
            json.writeStartObject("rate_limit").write("limit", rateLimit.limit())
                    .write("remaining", rateLimit.remaining()).write("reset", rateLimit.reset()).writeEnd();
        }
        json.write("cache_seconds", cacheSeconds).write("revocations", revocations).writeEnd();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    private static void texts(JsonGenerator json, String name, List<String> values) {
        if (values == null) {
            json.writeNull(name);
            return;
        }
        json.writeStartArray(name);
        values.forEach(json::write);
        json.writeEnd();
    }
}
