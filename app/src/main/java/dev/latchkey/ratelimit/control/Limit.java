package dev.latchkey.ratelimit.control;

import java.time.Duration;

/** At most {@code requests} per {@code period}. */
public record Limit(int requests, Duration period) {

    public Limit {
        if (requests < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit needs a positive count and period");
        }
    }
}
