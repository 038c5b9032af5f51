package dev.latchkey.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong();

    private CredentialCache cache(long seconds, int size) {
        return new CredentialCache(seconds, size, nanos::get);
    }

    @Test
    void aFullCacheEvictsOneOffsAndKeepsTheBusyEntryInsteadOfEmptyingItself() {
        CredentialCache cache = cache(60, 100);
        cache.put("busy", cache.generation(), "caller");
        for (int i = 0; i < 1_000; i++) {
            // The busy credential keeps being presented while a flood of one-off ones arrives.
            if (i % 10 == 0) {
                assertEquals("caller", cache.get("busy"), "evicted after " + i + " one-offs");
            }
            cache.put("one-off-" + i, cache.generation(), "guess");
        }
        assertTrue(cache.size() <= 100, "bounded: " + cache.size());
        assertTrue(cache.size() >= 90, "a full cache evicts some entries, it does not empty itself: " + cache.size());
        assertEquals("caller", cache.get("busy"));
    }

    @Test
    void entriesAgeOutAfterTheConfiguredSeconds() {
        CredentialCache cache = cache(60, 100);
        cache.put("k", cache.generation(), "v");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertEquals("v", cache.get("k"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertNull(cache.get("k"));
    }

    @Test
    void aChangeForgetsEverythingAndRefusesALookupThatStartedBeforeIt() {
        CredentialCache cache = cache(60, 100);
        cache.put("k", cache.generation(), "v");
        long startedBefore = cache.generation();
        cache.invalidateAll();
        assertNull(cache.get("k"));
        cache.put("k", startedBefore, "stale");
        assertNull(cache.get("k"), "a read that raced a revocation must not put the old state back");
        cache.put("k", cache.generation(), "fresh");
        assertEquals("fresh", cache.get("k"));
    }

    @Test
    void zeroSecondsTurnsCachingOff() {
        CredentialCache cache = cache(0, 100);
        cache.put("k", cache.generation(), "v");
        assertNull(cache.get("k"));
        assertEquals(0, cache.size());
    }
}
