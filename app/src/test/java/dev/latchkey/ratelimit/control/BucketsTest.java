package dev.latchkey.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token buckets on a manual clock: refill, reset, Retry-After, and what refusals cost. */
class BucketsTest {

    private final ManualTime time = new ManualTime();
    private final Buckets buckets = buckets(time);
    private final Limit threePerThreeSeconds = new Limit(3, Duration.ofSeconds(3));

    private static Buckets buckets(ManualTime time) {
        Buckets buckets = new Buckets(time);
        buckets.store = "local";
        return buckets;
    }

    @Test
    void aFullBucketAllowsItsLimitThenRefusesWithRetryAfterAndReset() {
        for (long remaining = 2; remaining >= 0; remaining--) {
            Decision allowed = buckets.take("k", threePerThreeSeconds);
            assertTrue(allowed.allowed());
            assertEquals(3, allowed.limit());
            assertEquals(remaining, allowed.remaining());
            assertEquals(3 - remaining, allowed.resetSeconds(), "a second per token taken until full again");
            assertEquals(0, allowed.retryAfterSeconds());
        }
        Decision refused = buckets.take("k", threePerThreeSeconds);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "one token comes back a second later");
        assertEquals(3, refused.resetSeconds());
    }

    @Test
    void tokensComeBackGreedilyAsTimePasses() {
        drain("k", threePerThreeSeconds);
        time.advance(Duration.ofMillis(999));
        assertFalse(buckets.take("k", threePerThreeSeconds).allowed(), "not yet a whole token");
        time.advance(Duration.ofMillis(1));
        Decision one = buckets.take("k", threePerThreeSeconds);
        assertTrue(one.allowed());
        assertEquals(0, one.remaining());
        assertFalse(buckets.take("k", threePerThreeSeconds).allowed());
    }

    @Test
    void refusedRequestsCostNothing() {
        drain("k", threePerThreeSeconds);
        for (int i = 0; i < 10; i++) {
            Decision refused = buckets.take("k", threePerThreeSeconds);
            assertFalse(refused.allowed());
            assertEquals(1, refused.retryAfterSeconds(), "refusals do not push the next token back");
        }
        time.advance(Duration.ofSeconds(3));
        assertEquals(3, drain("k", threePerThreeSeconds), "the whole quota is back after one period");
    }

    @Test
    void retryAfterRoundsUpAndIsNeverZero() {
        Limit threePerTenSeconds = new Limit(3, Duration.ofSeconds(10));
        drain("k", threePerTenSeconds);
        assertEquals(4, buckets.take("k", threePerTenSeconds).retryAfterSeconds(), "3.34 s rounds up to 4");
        time.advance(Duration.ofMillis(3300));
        Decision almost = buckets.take("k", threePerTenSeconds);
        assertFalse(almost.allowed());
        assertEquals(1, almost.retryAfterSeconds(), "34 ms to wait is still said as a second");
    }

    @Test
    void aCostOfSeveralTakesThemAllOrNone() {
        Limit fivePerFiveSeconds = new Limit(5, Duration.ofSeconds(5));
        assertTrue(buckets.take("k", fivePerFiveSeconds, 4).allowed());
        Decision refused = buckets.take("k", fivePerFiveSeconds, 2);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        Decision last = buckets.take("k", fivePerFiveSeconds, 1);
        assertTrue(last.allowed(), "the refused cost of two took nothing");
        assertEquals(0, last.remaining());
    }

    @Test
    void peekingTakesNothing() {
        for (int i = 0; i < 10; i++) {
            assertTrue(buckets.peek("k", threePerThreeSeconds).allowed());
        }
        drain("k", threePerThreeSeconds);
        Decision blocked = buckets.peek("k", threePerThreeSeconds);
        assertFalse(blocked.allowed());
        assertEquals(1, blocked.retryAfterSeconds());
        time.advance(Duration.ofSeconds(1));
        assertTrue(buckets.peek("k", threePerThreeSeconds).allowed());
    }

    @Test
    void keysAndLimitsHaveTheirOwnBuckets() {
        drain("k", threePerThreeSeconds);
        assertTrue(buckets.take("other", threePerThreeSeconds).allowed());
        assertTrue(buckets.take("k", new Limit(4, Duration.ofSeconds(3))).allowed(),
                "a changed limit starts a fresh bucket");
    }

    /** Takes until refused; how many were allowed. */
    private int drain(String key, Limit limit) {
        int allowed = 0;
        while (buckets.take(key, limit).allowed()) {
            allowed++;
        }
        return allowed;
    }
}
