package dev.latchkey.ratelimit.control;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** A clock for buckets that moves only when a test moves it. */
final class ManualTime implements TimeMeter {

    private long nanos = Duration.ofDays(20_000).toNanos();

    void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
