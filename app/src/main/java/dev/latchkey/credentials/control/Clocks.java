package dev.latchkey.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock: injected, so logic never calls {@code Instant.now()} directly. */
@ApplicationScoped
public class Clocks {

    @Produces
    @jakarta.inject.Singleton
    Clock clock() {
        // Millisecond ticks: what the database stores is exactly what a creation response shows.
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
