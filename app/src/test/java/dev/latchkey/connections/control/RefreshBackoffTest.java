package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one back-off every refresh path respects. */
class RefreshBackoffTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static Duration wait(RefreshBackoff.Next next) {
        return Duration.between(NOW, next.at());
    }

    @Test
    void doublesFromThirtySecondsToAnHour() {
        Instant farAway = NOW.plus(Duration.ofDays(2));
        long[] expected = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
        for (int failures = 0; failures < expected.length; failures++) {
            RefreshBackoff.Next next = RefreshBackoff.after(failures, NOW.minusSeconds(1), farAway, NOW, null);
            assertEquals(Duration.ofSeconds(expected[failures]), wait(next), "after " + failures + " failures");
            assertEquals(failures + 1, next.failures());
        }
        assertEquals(Duration.ofHours(1), wait(RefreshBackoff.after(7, NOW, null, NOW, null)), "no expiry");
    }

    @Test
    void neverPastHalfwayToExpiryButAtLeastASecond() {
        assertEquals(Duration.ofSeconds(50), wait(RefreshBackoff.after(4, NOW, NOW.plusSeconds(100), NOW, null)));
        assertEquals(Duration.ofSeconds(1), wait(RefreshBackoff.after(4, NOW, NOW.plusMillis(600), NOW, null)));
    }

    @Test
    void retryAfterIsAlwaysHonoured() {
        assertEquals(Duration.ofSeconds(20), wait(RefreshBackoff.after(0, NOW, NOW.plusSeconds(10), NOW,
                Duration.ofSeconds(20))), "even past expiry");
        assertEquals(Duration.ofSeconds(7200), wait(RefreshBackoff.after(9, NOW, null, NOW, Duration.ofHours(2))));
        assertEquals(Duration.ofSeconds(30), wait(RefreshBackoff.after(0, NOW, null, NOW, Duration.ofSeconds(3))));
    }

    @Test
    void restartsFromTheBaseOnceTheTokenHasExpiredAndStaysUnderFiveMinutes() {
        Instant expiredAt = NOW.minusSeconds(5);
        RefreshBackoff.Next first = RefreshBackoff.after(9, expiredAt.minusSeconds(1), expiredAt, NOW, null);
        assertEquals(Duration.ofSeconds(30), wait(first), "nine failures before expiry do not count after it");
        assertEquals(1, first.failures());
        assertEquals(Duration.ofSeconds(60), wait(RefreshBackoff.after(1, NOW.minusSeconds(1), expiredAt, NOW, null)));
        assertEquals(Duration.ofMinutes(5), wait(RefreshBackoff.after(6, NOW.minusSeconds(1), expiredAt, NOW, null)));
    }
}
