package dev.latchkey.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketsTest {

    private static BucketConfiguration perMinute(int requests) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, Duration.ofMinutes(1)))
                .build();
    }

    @Test
    void aKeyKeepsItsBucketAndItsCount() {
        LocalBuckets buckets = new LocalBuckets(10);
        Bucket first = buckets.get("credential:a", perMinute(2));
        assertSame(first, buckets.get("credential:a", perMinute(2)));
        assertTrue(first.tryConsume(1));
        assertTrue(buckets.get("credential:a", perMinute(2)).tryConsume(1));
        assertFalse(buckets.get("credential:a", perMinute(2)).tryConsume(1));
        assertTrue(buckets.get("credential:b", perMinute(2)).tryConsume(1), "another key has its own bucket");
    }

    @Test
    void whenFullItDropsBucketsThatAreFullAndKeepsTheOnesInUse() {
        LocalBuckets buckets = new LocalBuckets(3);
        buckets.get("used", perMinute(5)).tryConsume(3);
        buckets.get("idle-1", perMinute(5));
        buckets.get("idle-2", perMinute(5));
        buckets.get("new", perMinute(5));
        assertEquals(2, buckets.size(), "the idle buckets went, the used one and the new one stayed");
        assertEquals(2, buckets.get("used", perMinute(5)).getAvailableTokens());
    }

    @Test
    void whenEveryBucketIsInUseItStartsOver() {
        LocalBuckets buckets = new LocalBuckets(2);
        buckets.get("a", perMinute(5)).tryConsume(1);
        buckets.get("b", perMinute(5)).tryConsume(1);
        buckets.get("c", perMinute(5));
        assertEquals(1, buckets.size());
    }
}
