package dev.latchkey.ratelimit.control;

import dev.latchkey.credentials.control.LastUsedRecorder;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialUsed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits: per credential ({@code latchkey.ratelimit.default-requests} per
 * {@code latchkey.ratelimit.default-seconds}, 100 per second, unless the credential carries its
 * own), and for failed authentication per client address and per claimed public id
 * ({@code latchkey.ratelimit.auth-failures} per {@code latchkey.ratelimit.auth-failures-seconds},
 * 20 per minute). Password sign-in at {@code /oauth/authorize} counts its failures in the same
 * per-address bucket (an address guessing passwords is an address guessing credentials), and per
 * email at that address, with the same limit. There is deliberately no bucket per email alone:
 * an attacker could keep it empty and lock the member out from everywhere (RFC 6749 §10.10
 * asks for throttling, not lock-out).
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    Buckets buckets;

    @Inject
    LastUsedRecorder uses;

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
        return request(caller, 1);
    }

    /**
     * A use of this caller's credential that costs {@code cost} requests (a verification asking for
     * more than one), from the same bucket as its direct calls: allowed, or over its limit (counted in
     * the credential's usage as rate limited).
     */
    public Decision request(Caller caller, int cost) {
        Limit limit = caller.rateLimit() == null ? new Limit(defaultRequests, Duration.ofSeconds(defaultSeconds))
                : new Limit(caller.rateLimit().requests(), Duration.ofSeconds(caller.rateLimit().seconds()));
        Decision decision = buckets.take("credential:" + caller.credentialId(), limit, cost);
        if (!decision.allowed()) {
            uses.refused(caller.credentialId(), CredentialUsed.Outcome.RATE_LIMITED);
        }
        return decision;
    }

    /** Whether this address may still try to authenticate. */
    public Decision mayTry(String clientAddress) {
        return buckets.peek(byAddress(clientAddress), failures());
    }

    /** Counts a failed authentication; refused when the address or the claimed id has failed too often. */
    public Decision failed(String clientAddress, String claimedPublicId) {
        Decision byAddress = buckets.take(byAddress(clientAddress), failures());
        if (claimedPublicId == null) {
            return byAddress;
        }
        Decision byId = buckets.take("auth-failures:id:" + claimedPublicId, failures());
        return byAddress.allowed() ? byId : byAddress;
    }

    /** Whether a password sign-in for this email from this address may be tried (nothing is counted). */
    public Decision mayTrySignIn(String clientAddress, String email) {
        Decision byAddress = buckets.peek(byAddress(clientAddress), failures());
        return byAddress.allowed() ? buckets.peek(byEmailAt(clientAddress, email), failures()) : byAddress;
    }

    /** Counts a failed password sign-in; refused once the address, or this email from it, has failed too often. */
    public Decision signInFailed(String clientAddress, String email) {
        Decision byAddress = buckets.take(byAddress(clientAddress), failures());
        Decision byEmail = buckets.take(byEmailAt(clientAddress, email), failures());
        return byAddress.allowed() ? byEmail : byAddress;
    }

    private static String byAddress(String clientAddress) {
        return "auth-failures:ip:" + clientAddress;
    }

    /** Emails are hashed into the key: the buckets may live in a shared data grid. */
    private static String byEmailAt(String clientAddress, String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        return "auth-failures:email:" + dev.latchkey.crypto.control.Digests.sha256Hex(normalized) + ":ip:"
                + clientAddress;
    }

    private Limit failures() {
        return new Limit(authFailures, Duration.ofSeconds(authFailureSeconds));
    }
}
