package dev.latchkey.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verified credentials, kept in memory so that a request needs no database work to
 * authenticate. Correctness rests on one rule: any change that could alter what a cached
 * credential may do empties the cache ({@link #invalidateAll}), here at once and on other
 * instances through {@link CredentialChanges}. A lookup remembers the {@link #generation()}
 * it started in, and its result is only stored if no change happened meanwhile, so a read that
 * raced a revocation can never put the old state back. Entries also age out after
 * {@code latchkey.credentials.cache-seconds} (60; 0 turns caching off).
 */
@ApplicationScoped
public class CredentialCache {

    private record Entry(Object value, long generation, long storedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private LongSupplier nanoClock = System::nanoTime;

    @Inject
    @ConfigProperty(name = "latchkey.credentials.cache-seconds", defaultValue = "60")
    long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "latchkey.credentials.cache-size", defaultValue = "100000")
    int maxEntries;

    public CredentialCache() {
    }

    /** For tests and benchmarks outside the container. */
    public CredentialCache(long maxAgeSeconds, int maxEntries, LongSupplier nanoClock) {
        this.maxAgeSeconds = maxAgeSeconds;
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The generation a lookup starts in; pass it to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** The cached value under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation != generation.get() || nanoClock.getAsLong() - entry.storedAt > maxAgeSeconds * 1_000_000_000L) {
            entries.remove(key, entry);
            return null;
        }
        return (T) entry.value;
    }

    /** Stores a value looked up in {@code startedIn}, unless something changed since then. */
    public void put(String key, long startedIn, Object value) {
        if (maxAgeSeconds <= 0 || startedIn != generation.get()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(value, startedIn, nanoClock.getAsLong()));
        if (startedIn != generation.get()) {
            entries.remove(key);
        }
    }

    /** Forgets everything: called for every change that could alter a credential's rights. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
