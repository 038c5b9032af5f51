package dev.latchkey.data.boundary;

import dev.latchkey.data.control.Documents;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A document as the caller may see it: its id, type, environment and visible data. */
public record DocumentView(String id, String type, String environment, JsonObject data,
                           Instant createdAt, Instant updatedAt) {

    public static DocumentView of(Documents.Seen seen) {
        var document = seen.document();
        return new DocumentView(document.id(), document.type(), document.environment().wireName(), seen.data(),
                document.createdAt(), document.updatedAt());
    }
}
