package dev.latchkey.oauth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Access-token lifetime: {@code latchkey.oauth.access-token-seconds} (default 900, 15 minutes). */
@ApplicationScoped
public class AccessTokenSettings {

    @Inject
    @ConfigProperty(name = "latchkey.oauth.access-token-seconds", defaultValue = "900")
    long seconds;

    public Duration lifetime() {
        return Duration.ofSeconds(seconds);
    }
}
