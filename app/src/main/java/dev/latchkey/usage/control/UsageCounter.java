package dev.latchkey.usage.control;

import dev.latchkey.credentials.entity.CredentialUsed;
import dev.latchkey.database.control.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts uses per credential, UTC day and outcome in memory and writes them every
 * {@code latchkey.usage.flush-seconds} (10) in one short transaction ({@link UsageWrites}), with each credential's
 * {@code last_used_at}. A crash loses at most one interval of counts; no request waits on it.
 */
@ApplicationScoped
public class UsageCounter {

    private static final Logger LOG = Logger.getLogger(UsageCounter.class.getName());

    record Key(String credentialId, String day, CredentialUsed.Outcome outcome) {
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private final OutageLog outage = new OutageLog(LOG, "Usage flush");

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UsageWrites writes;

    @Inject
    @ConfigProperty(name = "latchkey.usage.flush-seconds", defaultValue = "10")
    long flushSeconds;

    private ScheduledFuture<?> task;

    public void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::flush, flushSeconds, flushSeconds, TimeUnit.SECONDS);
        }
    }

    void count(@Observes CredentialUsed use) {
        counts.computeIfAbsent(new Key(use.credentialId(), day(use.at()), use.outcome()), k -> new LongAdder())
                .increment();
        if (use.outcome() != CredentialUsed.Outcome.VALID) {
            return;
        }
        lastUsed.merge(use.credentialId(), use.at(), (a, b) -> a.isAfter(b) ? a : b);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        flush();
    }

    void flush() {
        Map<Key, Long> batch = new HashMap<>();
        counts.forEach((key, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                batch.put(key, n);
            }
        });
        Map<String, Instant> seen = new HashMap<>();
        lastUsed.keySet().forEach(id -> {
            Instant at = lastUsed.remove(id);
            if (at != null) {
                seen.put(id, at);
            }
        });
        if (batch.isEmpty() && seen.isEmpty()) {
            return;
        }
        try {
            writes.write(batch, seen);
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed("Writing usage counts failed; they are kept for the next attempt", e);
            batch.forEach((key, n) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(n));
            seen.forEach((id, at) -> lastUsed.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
        }
    }

    static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
