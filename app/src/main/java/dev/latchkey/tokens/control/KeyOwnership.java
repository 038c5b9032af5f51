package dev.latchkey.tokens.control;

import dev.latchkey.http.control.Json;
import dev.latchkey.problems.control.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An API key's owner and metadata as given at creation: {@code owner_id} is 1 to 128 characters
 * (the team's own id for the customer or service holding the key), {@code metadata} a JSON object of
 * at most 4 KiB serialized. Stored as given; returned by listings and verify.
 */
public record KeyOwnership(String ownerId, String metadataJson) {

    public static final int MAX_OWNER_LENGTH = 128;
    public static final int MAX_METADATA_BYTES = 4096;
    public static final KeyOwnership NONE = new KeyOwnership(null, null);

    /** Validated: a 400 naming the field otherwise. */
    public static KeyOwnership of(String ownerId, Object metadata) {
        if (metadata != null && !(metadata instanceof Map)) {
            throw new InvalidInputException("metadata", "metadata must be a JSON object");
        }
        return checked(ownerId, metadata == null ? null : Json.JSONB.toJson(metadata));
    }

    /** Validated, the metadata already serialized. */
    static KeyOwnership checked(String ownerId, String json) {
        if (ownerId != null && (ownerId.isBlank() || ownerId.length() > MAX_OWNER_LENGTH)) {
            throw new InvalidInputException("owner_id", "owner_id must be 1 to " + MAX_OWNER_LENGTH + " characters");
        }
        if (json != null && json.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw new InvalidInputException("metadata", "metadata must be a JSON object of at most "
                    + MAX_METADATA_BYTES + " bytes serialized");
        }
        return new KeyOwnership(ownerId, json);
    }

    /** The stored metadata as an object, or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> metadata(String json) {
        return json == null ? null : Json.JSONB.fromJson(json, Map.class);
    }
}
