package dev.latchkey.providers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP every OAuth provider needs: form posts to a token endpoint, JSON reads, RFC 6749
 * token responses, and mapping failures onto {@link ProviderException.Reason}s. Plugins use
 * it and handle their own quirks around it.
 */
public final class OAuthHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;

    public OAuthHttp(HttpClient http) {
        this.http = http;
    }

    /** A response: status, headers and the JSON body (empty object when there was none). */
    public record Reply(int status, Map<String, List<String>> headers, Json body) {

        public Reply {
            headers = headers == null ? Map.of() : headers;
            body = body == null ? Json.empty() : body;
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** POSTs {@code form} URL-encoded, asking for JSON. */
    public Reply postForm(URI uri, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** GETs JSON with the given headers (for example {@code Authorization: Bearer …}). */
    public Reply get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Sends any request, reading a JSON body. Network failures are {@code UNAVAILABLE}. */
    public Reply send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE,
                    "Provider unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "Interrupted", null, e);
        }
        return new Reply(response.statusCode(), response.headers().map(), Json.parse(response.body()));
    }

    /**
     * Throws the {@link ProviderException} a failed reply means: 429 rate limited (with
     * Retry-After), 5xx unavailable, the RFC 6749 §5.2 {@code invalid_grant} error, anything else
     * rejected. Does nothing for a 2xx reply without an {@code error} member. The {@code error}
     * member is either the RFC 6749 code (with {@code error_description}) or a JSON API's error
     * object (its {@code code} and {@code message} are used). Vendor-specific error codes are each
     * plugin's to map before calling this.
     */
    public static void raiseForError(Reply reply) {
        int status = reply.status();
        String error = errorCode(reply.body());
        if (status == 429) {
            throw new ProviderException(ProviderException.Reason.RATE_LIMITED, "Provider rate limit reached",
                    retryAfter(reply), null);
        }
        if (status >= 500) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "Provider answered " + status);
        }
        if ("invalid_grant".equals(error)) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT, describe(reply, error));
        }
        if (status >= 300 || error != null) {
            throw new ProviderException(ProviderException.Reason.REJECTED, describe(reply, error));
        }
    }

    /**
     * Reads an RFC 6749 §5.1 token response. {@code expires_in} becomes an absolute time;
     * a missing {@code refresh_token} keeps {@code previousRefreshToken}; a missing
     * {@code scope} keeps {@code requestedScopes}.
     *
     * @param scopeSeparator how the provider separates granted scopes (" " or ",")
     */
    public static TokenSet tokenSet(Json body, Instant now, String previousRefreshToken,
                                    List<String> requestedScopes, String scopeSeparator, Map<String, String> extras) {
        String accessToken = body.string("access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "Token response without access_token");
        }
        Long expiresIn = body.number("expires_in");
        Instant expiresAt = expiresIn == null ? null : now.plusSeconds(expiresIn);
        String refresh = body.string("refresh_token");
        List<String> scopes = body.has("scope") ? split(body.string("scope"), scopeSeparator) : requestedScopes;
        return new TokenSet(accessToken, refresh == null || refresh.isEmpty() ? previousRefreshToken : refresh,
                body.string("token_type", "bearer"), expiresAt, scopes, extras);
    }

    public static List<String> split(String scopes, String separator) {
        if (scopes == null || scopes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scopes.split(java.util.regex.Pattern.quote(separator)))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** {@code base?query}, with the query built from {@code parameters} in order. */
    public static URI withQuery(String base, Map<String, String> parameters) {
        Map<String, String> present = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        return URI.create(base + (base.contains("?") ? "&" : "?") + formEncode(present));
    }

    /** The HTTP Basic header value for a client id and secret (RFC 6749 §2.3.1). */
    public static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Retry-After} header in seconds, or null when absent or not a number of seconds. */
    public static Duration retryAfter(Reply reply) {
        return reply.header("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** The {@code error} code: the member itself, or the {@code code} of an error object. */
    public static String errorCode(Json body) {
        return body.isObject("error") ? body.object("error").string("code") : body.string("error");
    }

    private static String describe(Reply reply, String error) {
        List<String> parts = new ArrayList<>();
        parts.add("Provider answered " + reply.status());
        if (error != null) {
            parts.add(error);
        }
        Json body = reply.body();
        String description = body.isObject("error") ? body.object("error").string("message") : body.string("error_description");
        if (description != null) {
            parts.add(description);
        }
        return String.join(": ", parts);
    }
}
