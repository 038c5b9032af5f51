package dev.latchkey.ratelimit.control;

import dev.latchkey.problems.control.StartupFailedException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets by key. {@code latchkey.ratelimit.store} chooses where they live, as Kong's
 * rate-limiting policies do: {@code local} (the default) keeps them in this instance's memory,
 * the fastest, with limits counted per instance; {@code cluster} keeps them in a JCache cache
 * ({@code latchkey-rate-limits}) that Payara Micro backs with its Hazelcast data grid, so
 * instances started as one cluster share them, at the cost of a grid operation per request.
 * Refused attempts consume nothing. The buckets' clock is Bucket4j's {@link TimeMeter}: the
 * system clock in milliseconds (Bucket4j's default; in the cluster, the data grid's), or a
 * manual one that tests move.
 */
@ApplicationScoped
public class Buckets {

    static final String CACHE = "latchkey-rate-limits";

    /** Payara's JCache, backed by its Hazelcast member (never a Hazelcast client). */
    @Inject
    CacheManager manager;

    @Inject
    @ConfigProperty(name = "latchkey.ratelimit.store", defaultValue = "local")
    String store;

    private final TimeMeter time;
    private final LocalBuckets local;
    private volatile ProxyManager<String> proxies;

    public Buckets() {
        this(TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** Buckets on this clock (tests). */
    Buckets(TimeMeter time) {
        this.time = time;
        this.local = new LocalBuckets(100_000, time);
    }

    /** Called at startup: an unknown store, or {@code cluster} without a data grid, stops Latchkey. */
    public void checkStore() {
        if (!"local".equals(store) && !"cluster".equals(store)) {
            throw new StartupFailedException("latchkey.ratelimit.store must be 'local' or 'cluster', not '" + store + "'");
        }
        if ("cluster".equals(store) && manager == null) {
            // Payara injects no CacheManager when started with --nohazelcast, as latchkey.jar is.
            throw new StartupFailedException("latchkey.ratelimit.store=cluster needs Payara's Hazelcast data grid, "
                    + "which latchkey.jar runs without; use the local store, or run ROOT.war on payara-micro.jar "
                    + "as a cluster (README, Clustering)");
        }
    }

    /** Takes one token if there is one. */
    public Decision take(String key, Limit limit) {
        return take(key, limit, 1);
    }

    /** Takes {@code cost} tokens if there are that many (none otherwise). */
    public Decision take(String key, Limit limit, int cost) {
        Bucket bucket = bucket(key, limit);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit.requests(), probe.getRemainingTokens(), reset, 0);
        }
        return new Decision(false, limit.requests(), 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Whether a token is left, without taking it. */
    public Decision peek(String key, Limit limit) {
        Bucket bucket = bucket(key, limit);
        var estimate = bucket.estimateAbilityToConsume(1);
        if (estimate.canBeConsumed()) {
            return new Decision(true, limit.requests(), estimate.getRemainingTokens(), 0, 0);
        }
        long wait = seconds(estimate.getNanosToWaitForRefill());
        return new Decision(false, limit.requests(), 0, wait, Math.max(1, wait));
    }

    private Bucket bucket(String key, Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period()))
                .build();
        // The key carries the limit: changing a credential's limit starts a fresh bucket.
        String keyWithLimit = key + "|" + limit.requests() + "/" + limit.period().toSeconds();
        return "cluster".equals(store) ? proxies().getProxy(keyWithLimit, () -> configuration)
                : local.get(keyWithLimit, configuration);
    }

    private ProxyManager<String> proxies() {
        ProxyManager<String> current = proxies;
        if (current == null) {
            synchronized (this) {
                if (proxies == null) {
                    var builder = Bucket4jJCache.entryProcessorBasedBuilder(cache());
                    if (time != TimeMeter.SYSTEM_MILLISECONDS) {
                        builder.clientClock(time); // else the grid member's clock, as always
                    }
                    proxies = builder.build();
                }
                current = proxies;
            }
        }
        return current;
    }

    private Cache<String, byte[]> cache() {
        Cache<String, byte[]> cache = manager.getCache(CACHE, String.class, byte[].class);
        if (cache == null) {
            cache = manager.createCache(CACHE, new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
        }
        return cache;
    }

    private static long seconds(long nanos) {
        return (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
