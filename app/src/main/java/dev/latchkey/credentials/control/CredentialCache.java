package dev.latchkey.credentials.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verified credentials, kept in memory so that a request needs no database work to
 * authenticate. Correctness rests on one rule: any change that could alter what a cached
 * credential may do empties the cache ({@link #invalidateAll}), here at once and on other
 * instances through {@link CredentialChanges}. A lookup remembers the {@link #generation()}
 * it started in, and its result is only stored if no change happened meanwhile, so a read that
 * raced a revocation can never put the old state back. Entries age out after
 * {@code latchkey.credentials.cache-seconds} (60; 0 turns caching off), and at most
 * {@code latchkey.credentials.cache-size} (100,000) are kept: when full, Caffeine evicts the
 * entries least likely to be used again (its W-TinyLFU policy), so a flood of one-off
 * credentials cannot push out the busy ones, nor empty the cache for everybody.
 */
@ApplicationScoped
public class CredentialCache {

    private record Entry(Object value, long generation) {
    }

    private final AtomicLong generation = new AtomicLong();
    private LongSupplier nanoClock = System::nanoTime;
    private Cache<String, Entry> entries;

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
        build();
    }

    @PostConstruct
    void build() {
        entries = Caffeine.newBuilder()
                .maximumSize(Math.max(0, maxEntries))
                .expireAfterWrite(Duration.ofSeconds(Math.max(0, maxAgeSeconds)))
                .ticker(nanoClock::getAsLong)
                // Upkeep (eviction, expiry) on the calling thread: no pool threads in the container.
                .executor(Runnable::run)
                .build();
    }

    /** The generation a lookup starts in; pass it to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** The cached value under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation != generation.get()) {
            entries.asMap().remove(key, entry);
            return null;
        }
        return (T) entry.value;
    }

    /** Stores a value looked up in {@code startedIn}, unless something changed since then. */
    public void put(String key, long startedIn, Object value) {
        if (maxAgeSeconds <= 0 || startedIn != generation.get()) {
            return;
        }
        Entry entry = new Entry(value, startedIn);
        entries.put(key, entry);
        if (startedIn != generation.get()) {
            entries.asMap().remove(key, entry);
        }
    }

    /** Forgets everything: called for every change that could alter a credential's rights. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** How many entries are held (after pending upkeep). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
