package dev.latchkey.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies API keys with Latchkey's {@code POST /v1/keys/verify}, as a verifier key
 * ({@code vk_live_}/{@code vk_test_}).
 *
 * <p><b>Cache (opt-in).</b> Off by default: every call is a verification, so every use of a key is
 * counted and rate limited by Latchkey, as Unkey's {@code verifyKey} does. With
 * {@link Builder#cacheFor(Duration)} a {@code VALID} answer is reused for at most that long
 * (5 seconds with {@link Builder#cache()}) for the same key and client address, when the
 * permissions asked are among those the key held. Only valid answers are kept: refusals, rate
 * limits and failures are asked again every time. The trade-off: a key revoked, disabled or
 * restricted in Latchkey keeps working here for up to that bound, and uses answered from the cache
 * are neither counted nor taken from the key's rate limit. Entries are keyed by a SHA-256 of the
 * key, never the key; the cache holds at most {@code cacheEntries} answers (least recently used
 * go first) and never serves one past the key's {@code expires_at}.
 *
 * <p>Latchkey bounds the cache too: each answer carries {@code cache_seconds} (an answer is kept no
 * longer than that, nor than this verifier's own bound) and {@code revocations}, a counter of its
 * site and environment that grows with every revocation, switch-off or roll of one of its keys. An
 * answer showing a higher counter than any before drops every cached answer at once, so a revoked key
 * stops being admitted from the cache as soon as any other key is verified after the revocation, and
 * at the latest when its entry's bound ends.
 */
public final class LatchkeyVerifier {

    private final URI endpoint;
    private final String authorization;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final long cacheMillis;
    private final Map<String, Cached> cache;
    /** The highest revocation counter any answer showed (guarded by {@code cache}); -1 before the first. */
    private long revocations = -1;

    private LatchkeyVerifier(Builder builder) {
        this.endpoint = URI.create(builder.baseUrl.replaceAll("/+$", "") + "/v1/keys/verify");
        this.authorization = "Bearer " + builder.verifierKey;
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(builder.timeout).build();
        this.clock = builder.clock;
        this.timeout = builder.timeout;
        this.cacheMillis = builder.cacheFor.toMillis();
        int entries = builder.cacheEntries;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > entries;
            }
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How long a valid answer may be reused (zero: not at all). */
    public Duration cacheBound() {
        return Duration.ofMillis(cacheMillis);
    }

    /**
     * Verifies {@code key}, asking that it hold every one of {@code permissions} and, when
     * {@code clientIp} is not null, that its IP allowlist admit that address.
     *
     * @throws LatchkeyException when Latchkey gave no verification answer
     */
    public Verification verify(String key, Collection<String> permissions, String clientIp) {
        Objects.requireNonNull(key, "key");
        Set<String> asked = permissions == null ? Set.of() : Set.copyOf(permissions);
        String cacheKey = cacheMillis > 0 ? fingerprint(key, clientIp) : null;
        if (cacheKey != null) {
            Verification cached = cached(cacheKey, asked);
            if (cached != null) {
                return cached;
            }
        }
        Verification answer = ask(key, asked, clientIp);
        if (cacheKey != null) {
            remember(cacheKey, answer);
        }
        return answer;
    }

    /**
     * Drops every cached answer when this one shows a higher revocation counter (a key of the
     * verifier's site and environment was revoked, switched off or rolled since they were given: a
     * verifier key belongs to one site and environment, so all of them), then keeps it if it is valid,
     * for at most the bound, Latchkey's {@code cache_seconds} and the key's {@code expires_at} — unless
     * it is older than a counter already seen (it may predate that revocation).
     */
    private void remember(String cacheKey, Verification answer) {
        long until = clock.millis() + cacheMillis;
        if (answer.cacheSeconds() != null) {
            until = Math.min(until, clock.millis() + Math.max(0, answer.cacheSeconds()) * 1000L);
        }
        if (answer.expiresAt() != null) {
            until = Math.min(until, answer.expiresAt().toEpochMilli());
        }
        synchronized (cache) {
            if (answer.revocations() != null && answer.revocations() > revocations) {
                cache.clear();
                revocations = answer.revocations();
            }
            boolean stale = answer.revocations() != null && answer.revocations() < revocations;
            if (answer.valid() && !stale && until > clock.millis()) {
                cache.put(cacheKey, new Cached(answer, until));
            }
        }
    }

    /** How many answers the cache holds now (for tests and metrics). */
    public int cachedAnswers() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private Verification cached(String cacheKey, Set<String> asked) {
        Cached hit;
        synchronized (cache) {
            hit = cache.get(cacheKey);
            if (hit != null && clock.millis() >= hit.until) {
                cache.remove(cacheKey);
                hit = null;
            }
        }
        return hit != null && hit.answer.permissions().containsAll(asked) ? hit.answer : null;
    }

    private Verification ask(String key, Set<String> permissions, String clientIp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        if (!permissions.isEmpty()) {
            body.put("permissions", List.copyOf(permissions));
        }
        if (clientIp != null && !clientIp.isBlank()) {
            body.put("client_ip", clientIp);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LatchkeyException("Latchkey did not answer: " + e.getClass().getSimpleName(), 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatchkeyException("Interrupted while verifying", 0, null);
        }
        if (response.statusCode() != 200) {
            throw new LatchkeyException("Latchkey answered " + response.statusCode() + " to the verification",
                    response.statusCode(), null);
        }
        try {
            if (Json.parse(response.body()) instanceof Map<?, ?> json) {
                return Verification.fromJson(json);
            }
        } catch (RuntimeException e) {
            // falls through: the answer is not a verification
        }
        throw new LatchkeyException("Latchkey's answer is not a verification", 200, null);
    }

    /** A SHA-256 of the key and the address: the cache never holds the key itself. */
    private static String fingerprint(String key, String clientIp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (clientIp != null) {
                sha.update(clientIp.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Cached(Verification answer, long until) {
    }

    public static final class Builder {
        private String baseUrl;
        private String verifierKey;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(5);
        private Duration cacheFor = Duration.ZERO;
        private int cacheEntries = 10_000;

        private Builder() {
        }

        /** Latchkey's base URL, e.g. {@code https://latchkey.example.com}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The verifier key ({@code vk_live_…} or {@code vk_test_…}). */
        public Builder verifierKey(String verifierKey) {
            this.verifierKey = verifierKey;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How long one verification may take (default 5 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Reuse valid answers for 5 seconds (see the class comment for the trade-off). */
        public Builder cache() {
            return cacheFor(Duration.ofSeconds(5));
        }

        /** Reuse valid answers for at most {@code bound} (zero: no cache, the default). */
        public Builder cacheFor(Duration bound) {
            if (bound.isNegative() || bound.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("The cache bound is 0 to 300 seconds");
            }
            this.cacheFor = bound;
            return this;
        }

        /** At most this many cached answers (default 10,000). */
        public Builder cacheEntries(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("cacheEntries must be positive");
            }
            this.cacheEntries = entries;
            return this;
        }

        public LatchkeyVerifier build() {
            if (baseUrl == null || !baseUrl.matches("https?://.+")) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL");
            }
            if (verifierKey == null || !verifierKey.matches("vk_(live|test)_\\S+")) {
                throw new IllegalArgumentException("verifierKey must be a vk_live_ or vk_test_ key");
            }
            return new LatchkeyVerifier(this);
        }
    }
}
