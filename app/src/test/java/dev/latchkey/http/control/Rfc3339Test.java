package dev.latchkey.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.problems.control.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @Test
    void readsUtcAndOffsetTimes() {
        assertEquals(Instant.parse("2026-01-31T12:00:00Z"), Rfc3339.parse("t", "2026-01-31T12:00:00Z"));
        assertEquals(Instant.parse("2026-01-31T10:00:00Z"), Rfc3339.parse("t", "2026-01-31T12:00:00+02:00"));
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), Rfc3339.parse("t", "0001-01-01T00:00:00Z"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), Rfc3339.parse("t", "9999-12-31T23:59:59Z"));
    }

    @Test
    void blankMeansAbsent() {
        assertNull(Rfc3339.parse("t", null));
        assertNull(Rfc3339.parse("t", " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "tomorrow",
            "2026-01-31", "2026-01-31T12:00:00", "2026-13-01T00:00:00Z"})
    void refusesWhatIsNotAFourDigitYearRfc3339TimeNamingTheField(String value) {
        var refused = assertThrows(InvalidInputException.class, () -> Rfc3339.parse("expires_at", value));
        assertEquals("expires_at", refused.fields().get(0).field());
    }
}
