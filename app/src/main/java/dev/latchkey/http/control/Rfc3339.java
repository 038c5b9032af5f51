package dev.latchkey.http.control;

import dev.latchkey.problems.control.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times on the wire are RFC 3339 (for example {@code 2026-01-31T12:00:00Z}). RFC 3339 §5.6 has
 * four-digit years, so {@code +999999999-12-31T23:59:59Z}, which {@code java.time} would accept,
 * is refused here rather than overflowing a column or an epoch-millisecond conversion later.
 */
public final class Rfc3339 {

    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private Rfc3339() {
    }

    /** The instant, null for a blank value, or a 400 naming the field. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value);
            int utcYear = time.toInstant().atOffset(java.time.ZoneOffset.UTC).getYear();
            if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR
                    || utcYear < FIRST_YEAR || utcYear > LAST_YEAR) {
                throw refused(field);
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            throw refused(field);
        }
    }

    private static InvalidInputException refused(String field) {
        return new InvalidInputException(field, field
                + " must be an RFC 3339 time between years 0001 and 9999, such as 2026-01-31T12:00:00Z");
    }
}
