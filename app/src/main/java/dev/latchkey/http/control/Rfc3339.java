package dev.latchkey.http.control;

import dev.latchkey.problems.control.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times on the wire are RFC 3339 (for example {@code 2026-01-31T12:00:00Z}). */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /** The instant, null for a blank value, or a 400 naming the field. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }
    }
}
