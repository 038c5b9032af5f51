package dev.latchkey.verification.boundary;

import dev.latchkey.credentials.control.Permission;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.http.control.JsonP;
import dev.latchkey.verification.control.KeyVerifier;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a verification, never the key: the key's identity, owner and metadata once it was
 * found (everything null for {@code NOT_FOUND}), its permissions and scopes once it authenticated,
 * its rate limit once that was applied; always how long a valid answer may be reused and the
 * verifier's site and environment's revocation counter. The record is the documented contract;
 * {@link #write} writes a verdict in that shape with JSON-P, without JSON-B (the verify hot path).
 */
@Schema(example = "{\"valid\": true, \"code\": \"VALID\", \"key_id\": \"tok_8fQ2mZr1Lw0cVb6N\", \"site_id\": \"site_3kP9qW2xZ7aB1cD4\", \"environment\": \"live\", \"permissions\": [\"read\", \"write\"], \"scopes\": [], \"owner_id\": \"customer_42\", \"metadata\": {\"plan\": \"pro\"}, \"expires_at\": null, \"rate_limit\": {\"limit\": 100, \"remaining\": 99, \"reset\": 1}, \"cache_seconds\": 5, \"revocations\": 3}")
public record VerificationView(boolean valid,
                               @Schema(enumeration = {"VALID", "NOT_FOUND", "REVOKED", "EXPIRED", "RATE_LIMITED",
                                       "ADDRESS_NOT_ALLOWED", "INSUFFICIENT_PERMISSIONS", "INSUFFICIENT_SCOPE",
                                       "DISABLED"}) String code,
                               String keyId, String siteId, String environment, List<String> permissions,
                               List<String> scopes, String ownerId, Map<String, Object> metadata, Instant expiresAt,
                               VerificationRateLimit rateLimit,
                               @Schema(description = "Seconds a client may reuse a valid answer for the same key "
                                       + "(never past expires_at nor a higher revocations)") int cacheSeconds,
                               @Schema(description = "How many times a key of the verifier's site and environment "
                                       + "was revoked, switched off or rolled; a client drops answers it kept "
                                       + "when it sees this grow") long revocations) {

    /** The key's rate limit after this use: its size, what is left, seconds until it is full again. */
    public record VerificationRateLimit(long limit, long remaining, long reset) {
    }

    /** The verdict as JSON, in the shape of this record. */
    static void write(KeyVerifier.Verdict verdict, Writer out) {
        Credential key = verdict.credential();
        var caller = verdict.caller();
        var decision = verdict.rateLimit();
        // Not closed: that would close the response's stream; flushed into the writer instead.
        JsonGenerator json = JsonP.createGenerator(out);
        json.writeStartObject()
                .write("valid", verdict.valid())
                .write("code", verdict.code().name());
        text(json, "key_id", key == null ? null : key.id());
        text(json, "site_id", key == null ? null : key.siteId());
        text(json, "environment", key == null ? null : key.environment());
        if (caller == null) {
            json.writeNull("permissions").writeNull("scopes");
        } else {
            json.writeStartArray("permissions");
            caller.permissions().stream().map(Permission::wireName).sorted().forEach(json::write);
            json.writeEnd().writeStartArray("scopes");
            caller.scopes().forEach(json::write);
            json.writeEnd();
        }
        text(json, "owner_id", key == null ? null : key.ownerId());
        if (key == null || key.metadata() == null) {
            json.writeNull("metadata");
        } else {
            json.write("metadata", metadata(key.metadata()));
        }
        text(json, "expires_at", key == null || key.expiresAt() == null ? null : key.expiresAt().toString());
        if (decision == null) {
            json.writeNull("rate_limit");
        } else {
            json.writeStartObject("rate_limit").write("limit", decision.limit())
                    .write("remaining", decision.remaining()).write("reset", decision.resetSeconds()).writeEnd();
        }
        json.write("cache_seconds", verdict.cacheSeconds()).write("revocations", verdict.revocations())
                .writeEnd();
        json.flush();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    /** The stored metadata (an object serialized when the key was made). */
    private static JsonValue metadata(String stored) {
        try (var reader = JsonP.createReader(new StringReader(stored))) {
            return reader.readValue();
        }
    }
}
