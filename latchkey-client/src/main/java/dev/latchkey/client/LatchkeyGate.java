package dev.latchkey.client;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What both filters do, in one place: find the key in the headers, verify it, and either admit the
 * request with a {@link LatchkeyPrincipal} or refuse it in Latchkey's error shape
 * ({@code {"error", "message", "request_id"}}): 401 for a missing, unknown, revoked, expired or
 * disabled key; 403 for a refused address or a missing permission or scope; 429 with
 * {@code Retry-After} when the key's rate limit is spent; 503 when Latchkey gave no answer (fail
 * closed). Usable directly by any other HTTP stack.
 */
public final class LatchkeyGate {

    /** The request attribute / property under which the filters leave the {@link Verification}. */
    public static final String VERIFICATION = Verification.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final LatchkeyVerifier verifier;
    private final Set<String> permissions;

    public LatchkeyGate(LatchkeyVerifier verifier, Collection<String> permissions) {
        this.verifier = verifier;
        this.permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    /** The outcome of one request: {@link Admitted} or {@link Refused}. */
    public sealed interface Outcome permits Admitted, Refused {
        String requestId();
    }

    public record Admitted(LatchkeyPrincipal principal, String requestId) implements Outcome {
    }

    /** A refusal: its status, {@code error}, message, and seconds to wait (429 only, else -1). */
    public record Refused(int status, String error, String message, String requestId, long retryAfter)
            implements Outcome {

        /** The body, in Latchkey's error shape. */
        public String body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("message", message);
            body.put("request_id", requestId);
            return Json.write(body);
        }

        /** The headers to send besides {@code Content-Type: application/json} and {@code X-Request-Id}. */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (status == 401) {
                headers.put("WWW-Authenticate", "Bearer realm=\"api\"");
            }
            if (retryAfter >= 0) {
                headers.put("Retry-After", Long.toString(retryAfter));
            }
            return headers;
        }
    }

    /**
     * Checks one request from its {@code Authorization} and {@code X-API-Key} headers, the client's
     * address (may be null) and its {@code X-Request-Id} (may be null: a fresh id is made).
     */
    public Outcome check(String authorization, String apiKeyHeader, String clientIp, String incomingRequestId) {
        String requestId = requestId(incomingRequestId);
        Optional<String> key;
        try {
            key = PresentedKey.from(authorization, apiKeyHeader);
        } catch (PresentedKey.Malformed malformed) {
            return new Refused(malformed.status, malformed.status == 400 ? "invalid_request" : "unauthorized",
                    malformed.getMessage(), requestId, -1);
        }
        if (key.isEmpty()) {
            return new Refused(401, "unauthorized",
                    "No API key; send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", requestId, -1);
        }
        Verification answer;
        try {
            answer = verifier.verify(key.get(), permissions, clientIp);
        } catch (LatchkeyException e) {
            return new Refused(503, "unavailable", "The API key could not be verified; try again", requestId, -1);
        }
        if (answer.valid()) {
            return new Admitted(new LatchkeyPrincipal(answer), requestId);
        }
        return refusal(answer, requestId);
    }

    private static Refused refusal(Verification answer, String requestId) {
        return switch (answer.code()) {
            case "ADDRESS_NOT_ALLOWED" -> new Refused(403, "forbidden",
                    "This API key may not be used from this address", requestId, -1);
            case "INSUFFICIENT_PERMISSIONS" -> new Refused(403, "insufficient_permission",
                    "This API key lacks a permission this request needs", requestId, -1);
            case "INSUFFICIENT_SCOPE" -> new Refused(403, "insufficient_scope",
                    "This API key lacks a scope this request needs", requestId, -1);
            case "RATE_LIMITED" -> new Refused(429, "rate_limited", "Too many requests with this API key",
                    requestId, Math.max(1, answer.rateLimit() == null ? 1 : answer.rateLimit().reset()));
            case "REVOKED" -> new Refused(401, "unauthorized", "This API key was revoked", requestId, -1);
            case "EXPIRED" -> new Refused(401, "unauthorized", "This API key has expired", requestId, -1);
            case "DISABLED" -> new Refused(401, "unauthorized", "This API key is disabled", requestId, -1);
            default -> new Refused(401, "unauthorized", "Invalid API key provided", requestId, -1);
        };
    }

    /** The caller's X-Request-Id when it is a plain token of up to 64 characters, else a new req_ id. */
    static String requestId(String incoming) {
        if (incoming != null && incoming.matches("[A-Za-z0-9._:-]{1,64}")) {
            return incoming;
        }
        StringBuilder id = new StringBuilder("req_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
