package dev.latchkey.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Latchkey's answer to one verification ({@code POST /v1/keys/verify}). Fields the server left
 * null are null here (for {@code NOT_FOUND} all but {@code valid} and {@code code}); the
 * permission and scope sets are never null (empty when not given). The key itself is not in it.
 * {@code cacheSeconds} (how long Latchkey allows a valid answer to be reused) and {@code revocations}
 * (its site and environment's revocation counter) are null from a Latchkey that does not send them.
 */
public record Verification(boolean valid, String code, String keyId, String siteId, String environment,
        Set<String> permissions, Set<String> scopes, String ownerId, Instant expiresAt, RateLimit rateLimit,
        Integer cacheSeconds, Long revocations) {

    public Verification {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** An answer without the cache hint and revocation counter (a Latchkey from before they were given). */
    public Verification(boolean valid, String code, String keyId, String siteId, String environment,
            Set<String> permissions, Set<String> scopes, String ownerId, Instant expiresAt, RateLimit rateLimit) {
        this(valid, code, keyId, siteId, environment, permissions, scopes, ownerId, expiresAt, rateLimit, null, null);
    }

    /** The key's rate limit as the verification left it: {@code reset} is seconds until full again. */
    public record RateLimit(long limit, long remaining, long reset) {
    }

    static Verification fromJson(Map<?, ?> json) {
        Object code = json.get("code");
        if (!(json.get("valid") instanceof Boolean valid) || !(code instanceof String)) {
            throw new IllegalArgumentException("Not a verification answer");
        }
        Object expires = json.get("expires_at");
        return new Verification(valid, (String) code, text(json, "key_id"), text(json, "site_id"),
                text(json, "environment"), Set.copyOf(texts(json.get("permissions"))),
                Set.copyOf(texts(json.get("scopes"))), text(json, "owner_id"),
                expires instanceof String when ? Instant.parse(when) : null, rateLimit(json.get("rate_limit")),
                json.get("cache_seconds") instanceof Number seconds ? seconds.intValue() : null,
                json.get("revocations") instanceof Number revoked ? revoked.longValue() : null);
    }

    private static String text(Map<?, ?> json, String name) {
        return json.get(name) instanceof String value ? value : null;
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof String text) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    private static RateLimit rateLimit(Object value) {
        if (value instanceof Map<?, ?> limit && limit.get("limit") instanceof Number max
                && limit.get("remaining") instanceof Number remaining && limit.get("reset") instanceof Number reset) {
            return new RateLimit(max.longValue(), remaining.longValue(), reset.longValue());
        }
        return null;
    }
}
