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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts uses per credential, UTC day and outcome, and direct API calls per credential, day and route,
 * in memory and writes them every
 * {@code latchkey.usage.flush-seconds} (10) in one short transaction ({@link UsageWrites}), with each credential's
 * {@code last_used_at}. A crash loses at most one interval of counts; no request waits on it.
 */
@ApplicationScoped
public class UsageCounter {

    private static final Logger LOG = Logger.getLogger(UsageCounter.class.getName());

    record Key(String credentialId, String day, CredentialUsed.Outcome outcome) {
    }

    /** A direct API call of a key on a route ({@code GET /v1/whoami}: the method and the route's template). */
    record RouteKey(String credentialId, String day, String route) {
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RouteKey, LongAdder> routes = new ConcurrentHashMap<>();
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

    /** A direct API call of this credential on {@code route} (method and template), at {@code at}. */
    public void called(String credentialId, String route, Instant at) {
        routes.computeIfAbsent(new RouteKey(credentialId, day(at), route), k -> new LongAdder()).increment();
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
        Map<RouteKey, Long> calls = new HashMap<>();
        routes.forEach((key, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                calls.put(key, n);
            }
        });
        if (batch.isEmpty() && seen.isEmpty() && calls.isEmpty()) {
            return;
        }
        try {
            writes.write(batch, seen, calls);
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed("Writing usage counts failed; they are kept for the next attempt", e);
            batch.forEach((key, n) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(n));
            calls.forEach((key, n) -> routes.computeIfAbsent(key, k -> new LongAdder()).add(n));
            seen.forEach((id, at) -> lastUsed.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
        }
    }

    /** The UTC day, remembered for the day in progress (every request asks). */
    static String day(Instant at) {
        long epochDay = Math.floorDiv(at.getEpochSecond(), 86_400);
        Today today = lastDay;
        if (today.epochDay != epochDay) {
            today = new Today(epochDay, java.time.LocalDate.ofEpochDay(epochDay).toString());
            lastDay = today;
        }
        return today.text;
    }

    private record Today(long epochDay, String text) {
    }

    private static volatile Today lastDay = new Today(Long.MIN_VALUE, "");
}
