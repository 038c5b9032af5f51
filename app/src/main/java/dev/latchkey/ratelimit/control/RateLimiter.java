package dev.latchkey.ratelimit.control;

import dev.latchkey.credentials.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits: per credential ({@code latchkey.ratelimit.default-requests} per
 * {@code latchkey.ratelimit.default-seconds}, 100 per second, unless the credential carries its
 * own), and for failed authentication per client address and per claimed public id
 * ({@code latchkey.ratelimit.auth-failures} per {@code latchkey.ratelimit.auth-failures-seconds},
 * 20 per minute).
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    Buckets buckets;

    @Inject
    @ConfigProperty(name = "latchkey.ratelimit.default-requests", defaultValue = "100")
    int defaultRequests;

    @Inject
    @ConfigProperty(name = "latchkey.ratelimit.default-seconds", defaultValue = "1")
    int defaultSeconds;

    @Inject
    @ConfigProperty(name = "latchkey.ratelimit.auth-failures", defaultValue = "20")
    int authFailures;

    @Inject
    @ConfigProperty(name = "latchkey.ratelimit.auth-failures-seconds", defaultValue = "60")
    int authFailureSeconds;

    /** One request of this caller: allowed, or over its limit. */
    public Decision request(Caller caller) {
        Limit limit = caller.rateLimit() == null ? new Limit(defaultRequests, Duration.ofSeconds(defaultSeconds))
                : new Limit(caller.rateLimit().requests(), Duration.ofSeconds(caller.rateLimit().seconds()));
        return buckets.take("credential:" + caller.credentialId(), limit);
    }

    /** Whether this address may still try to authenticate. */
    public Decision mayTry(String clientAddress) {
        return buckets.peek("auth-failures:ip:" + clientAddress, failures());
    }

    /** Counts a failed authentication; refused when the address or the claimed id has failed too often. */
    public Decision failed(String clientAddress, String claimedPublicId) {
        Decision byAddress = buckets.take("auth-failures:ip:" + clientAddress, failures());
        if (claimedPublicId == null) {
            return byAddress;
        }
        Decision byId = buckets.take("auth-failures:id:" + claimedPublicId, failures());
        return byAddress.allowed() ? byId : byAddress;
    }

    private Limit failures() {
        return new Limit(authFailures, Duration.ofSeconds(authFailureSeconds));
    }
}
