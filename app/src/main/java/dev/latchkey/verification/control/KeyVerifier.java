package dev.latchkey.verification.control;

import dev.latchkey.credentials.control.Authenticator;
import dev.latchkey.credentials.control.LastUsedRecorder;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.CredentialUsed;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.ratelimit.control.Decision;
import dev.latchkey.ratelimit.control.RateLimiter;
import dev.latchkey.tokens.control.KeyRevocations;
import dev.latchkey.usage.control.Measurements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a presented API key for a verifier: the key is authenticated as a direct call would be
 * ({@link Authenticator#check}: refusals recorded, use counted, {@code client_ip} against its
 * allowlist), its rate limit applied with {@code cost} from the bucket its direct calls use, then
 * the permissions and scopes asked for are checked. A key the verifier cannot see (another site,
 * another environment, not an API key) is {@link Code#NOT_FOUND}, exactly as an unknown one.
 */
@ApplicationScoped
public class KeyVerifier {

    static final int MAX_CACHE_SECONDS = 300;

    /** The answer's code. */
    public enum Code {
        VALID, NOT_FOUND, REVOKED, EXPIRED, RATE_LIMITED, ADDRESS_NOT_ALLOWED, INSUFFICIENT_PERMISSIONS,
        INSUFFICIENT_SCOPE, DISABLED
    }

    /** What to verify: permissions and scopes the key must hold, and what the use costs. */
    public record Request(String key, Set<Permission> permissions, List<String> scopes, int cost, String clientIp) {
    }

    /**
     * The verdict: the key's credential when it was found (null for {@code NOT_FOUND}), its caller
     * when it authenticated, the rate-limit decision when one was taken, how many seconds a client may
     * reuse a valid verdict, and the verifier's site and environment's revocation counter as it was
     * before the key was looked at (so a verdict never pairs an old state of the key with a newer count).
     */
    public record Verdict(Code code, Credential credential, Caller caller, Decision rateLimit, int cacheSeconds,
                          long revocations) {

        public boolean valid() {
            return code == Code.VALID;
        }
    }

    @Inject
    Authenticator authenticator;

    @Inject
    RateLimiter limiter;

    @Inject
    Measurements measurements;

    @Inject
    LastUsedRecorder uses;

    @Inject
    KeyRevocations revocations;

    /** How long a client may reuse a valid answer ({@code LATCHKEY_VERIFY_CACHE_SECONDS}, 0 to 300). */
    @Inject
    @ConfigProperty(name = "latchkey.verify.cache-seconds", defaultValue = "5")
    int cacheSeconds;

    public Verdict verify(Caller verifier, Request request) {
        // A verifier key always has an environment (the access policy admits no other caller here).
        long revoked = revocations.count(verifier.site().id(), verifier.environment().orElseThrow());
        int reuse = Math.max(0, Math.min(MAX_CACHE_SECONDS, cacheSeconds));
        Authenticator.Check check = authenticator.check(request.key(), request.clientIp(),
                credential -> visibleTo(verifier, credential));
        Code code = switch (check.outcome()) {
            case VALID -> Code.VALID;
            case NOT_FOUND -> Code.NOT_FOUND;
            case REVOKED -> Code.REVOKED;
            case EXPIRED -> Code.EXPIRED;
            case ADDRESS_NOT_ALLOWED -> Code.ADDRESS_NOT_ALLOWED;
            case DISABLED -> Code.DISABLED;
        };
        if (code != Code.VALID) {
            return new Verdict(code, check.credential(), null, null, reuse, revoked);
        }
        Caller key = check.caller();
        Decision decision = limiter.request(key, request.cost());
        if (!decision.allowed()) {
            measurements.rateLimited("credential");
            return new Verdict(Code.RATE_LIMITED, check.credential(), key, decision, reuse, revoked);
        }
        Code authority = authorityCode(key, request);
        if (authority != Code.VALID) {
            uses.refused(key.credentialId(), CredentialUsed.Outcome.INSUFFICIENT_PERMISSION);
        }
        return new Verdict(authority, check.credential(), key, decision, reuse, revoked);
    }

    /** VALID, or which of the permissions and scopes asked for the key lacks (permissions first). */
    static Code authorityCode(Caller key, Request request) {
        if (!key.permissions().containsAll(request.permissions())) {
            return Code.INSUFFICIENT_PERMISSIONS;
        }
        // A key created without scopes sees every field; one created with scopes only its own.
        if (key.scoped() && !key.scopes().containsAll(request.scopes())) {
            return Code.INSUFFICIENT_SCOPE;
        }
        return Code.VALID;
    }

    /** The verifier's own site's API keys of its environment, and no other credential. */
    static boolean visibleTo(Caller verifier, Credential credential) {
        return credential.kind() == CredentialKind.API_TOKEN && verifier.site() != null
                && verifier.site().id().equals(credential.siteId())
                && verifier.environment().isPresent() && verifier.environment().equals(credential.environment());
    }
}
