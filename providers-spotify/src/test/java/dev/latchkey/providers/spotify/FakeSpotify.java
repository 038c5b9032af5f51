package dev.latchkey.providers.spotify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.TokenSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * A loopback stand-in for accounts.spotify.com and api.spotify.com that answers as the real
 * ones do: consent issuing single-use codes bound to a redirect URI and a PKCE challenge, the
 * token endpoint (HTTP Basic for confidential clients, {@code client_id} in the form for public
 * PKCE clients, errors as HTTP 400 {@code {error, error_description}}), refresh that rotates for
 * PKCE grants and omits {@code refresh_token} for code-flow grants, and {@code GET /v1/me} with
 * the Web API's {@code {"error": {"status", "message"}}} envelope. There is no revocation
 * endpoint. Failures can be scripted for the next request.
 */
final class FakeSpotify implements AutoCloseable {

    static final String CLIENT_ID = "fake0client0id0spotify";
    static final String CLIENT_SECRET = "fake0client0secret0spotify";
    static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/v1/connections/callback");
    static final Instant NOW = Instant.parse("2026-08-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One request as the fake received it. */
    record Seen(String method, String path, String query, Headers headers, Map<String, String> form) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What the consent page hands back to the redirect URI. */
    record Consent(String code, String state) {
    }

    /** A scripted answer; {@code drop} closes the connection without any response. */
    private record Canned(int status, String body, Map<String, String> headers, boolean drop) {
    }

    /** One user authorization and everything issued under it. */
    private static final class Grant {
        final String user;
        final String scope;
        final URI redirectUri;
        final String challenge;
        boolean publicClient;
        boolean revoked;
        boolean expired;

        Grant(String user, String scope, URI redirectUri, String challenge) {
            this.user = user;
            this.scope = scope;
            this.redirectUri = redirectUri;
            this.challenge = challenge;
        }
    }

    private final HttpServer server;
    private final Deque<Canned> script = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, Grant> refreshTokens = new HashMap<>();
    private final Map<String, Grant> accessTokens = new HashMap<>();
    private final List<String> expiredAccessTokens = new ArrayList<>();
    private final Map<String, JSONObject> users = new HashMap<>();
    private Boolean rotate;

    FakeSpotify() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        addUser(new JSONObject().put("id", "smedjan").put("display_name", "Ada Lovelace")
                .put("account_id", "5f0e7a2c9b").put("type", "user").put("uri", "spotify:user:smedjan"));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", CLIENT_SECRET);
        values.put("authorize-url", base() + "/authorize");
        values.put("token-url", base() + "/api/token");
        values.put("api-url", base().toString());
        return values;
    }

    /** A confidential client: the configuration carries the client secret. */
    Provider provider() {
        return provider(settings());
    }

    /** A public PKCE client: no client secret configured. */
    Provider publicProvider() {
        Map<String, String> values = settings();
        values.remove("client-secret");
        return provider(values);
    }

    static Provider provider(Map<String, String> settings) {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new SpotifyProviderFactory().create(new ProviderConfig("spotify", settings), http, CLOCK);
    }

    /** Runs the whole flow for the default user: authorization URL, consent, code exchange. */
    TokenSet connect(Provider provider, List<String> scopes) {
        String verifier = Pkce.newVerifier();
        URI url = provider.authorizationUrl(new AuthorizationRequest("st4te", REDIRECT_URI, scopes, Pkce.challenge(verifier)));
        Consent consent = consent(url, "smedjan");
        return provider.exchangeCode(new CodeExchange(consent.code(), REDIRECT_URI, verifier));
    }

    synchronized void addUser(JSONObject profile) {
        users.put(profile.getString("id"), profile);
    }

    /**
     * The user approves the app on the page at {@code authorizationUrl}; fails as Spotify's page
     * would refuse a request with a wrong client, response type, redirect URI or PKCE method.
     */
    synchronized Consent consent(URI authorizationUrl, String user) {
        Map<String, String> query = parseForm(authorizationUrl.getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            throw new IllegalArgumentException("INVALID_CLIENT: Invalid client");
        }
        if (!"code".equals(query.get("response_type"))) {
            throw new IllegalArgumentException("unsupported_response_type");
        }
        if (!REDIRECT_URI.toString().equals(query.get("redirect_uri"))) {
            throw new IllegalArgumentException("INVALID_CLIENT: Invalid redirect URI");
        }
        String challenge = query.get("code_challenge");
        if (challenge != null && !"S256".equals(query.get("code_challenge_method"))) {
            throw new IllegalArgumentException("code_challenge_method must be S256");
        }
        String code = opaque("AQ");
        codes.put(code, new Grant(user, query.getOrDefault("scope", ""), REDIRECT_URI, challenge));
        return new Consent(code, query.get("state"));
    }

    /** Rotate refresh tokens on refresh (true), never (false), or as Spotify does (null: PKCE grants only). */
    synchronized void rotateRefreshTokens(Boolean value) {
        rotate = value;
    }

    /** The user removed the app at spotify.com/account/apps. */
    synchronized void userRemovedApp() {
        refreshTokens.values().forEach(grant -> grant.revoked = true);
    }

    /** Six months passed since the user authorized. */
    synchronized void sixMonthsPassed() {
        refreshTokens.values().forEach(grant -> grant.expired = true);
        expiredAccessTokens.addAll(accessTokens.keySet());
    }

    /** An hour passed: every access token issued so far has expired. */
    synchronized void anHourPassed() {
        expiredAccessTokens.addAll(accessTokens.keySet());
    }

    synchronized void answerNext(int status, String body, Map<String, String> headers) {
        script.add(new Canned(status, body, headers, false));
    }

    synchronized void dropNext() {
        script.add(new Canned(0, "", Map.of(), true));
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized Seen last(String path) {
        List<Seen> matching = seen.stream().filter(s -> s.path().equals(path)).toList();
        return matching.isEmpty() ? null : matching.get(matching.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = parseForm(body);
            seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), form));
            Canned canned = script.poll();
            if (canned != null) {
                if (canned.drop()) {
                    return;
                }
                canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                respond(exchange, canned.status(), canned.body());
                return;
            }
            switch (exchange.getRequestMethod() + " " + path) {
                case "POST /api/token" -> token(exchange, form);
                case "GET /v1/me" -> me(exchange);
                default -> respond(exchange, 404, apiError(404, "Service not found"));
            }
        }
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            respond(exchange, 400, oauthError("unsupported_grant_type", "grant_type parameter is missing"));
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean publicClient;
        if (authorization != null) {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                respond(exchange, 400, oauthError("invalid_client", "Invalid client secret"));
                return;
            }
            publicClient = false;
        } else if (CLIENT_ID.equals(form.get("client_id"))) {
            publicClient = true;
        } else {
            respond(exchange, 400, oauthError("invalid_client", "Invalid client"));
            return;
        }
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            exchangeCode(exchange, form, publicClient);
        } else if ("refresh_token".equals(grantType)) {
            refresh(exchange, form, publicClient);
        } else {
            respond(exchange, 400, oauthError("unsupported_grant_type", "grant_type parameter is missing"));
        }
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form, boolean publicClient) throws IOException {
        Grant grant = codes.remove(form.get("code"));
        if (grant == null) {
            respond(exchange, 400, oauthError("invalid_grant", "Invalid authorization code"));
            return;
        }
        if (!grant.redirectUri.toString().equals(form.get("redirect_uri"))) {
            respond(exchange, 400, oauthError("invalid_grant", "Invalid redirect URI"));
            return;
        }
        String verifier = form.get("code_verifier");
        if (grant.challenge != null && (verifier == null || !Pkce.challenge(verifier).equals(grant.challenge))) {
            respond(exchange, 400, oauthError("invalid_grant", "code_verifier was incorrect"));
            return;
        }
        if (publicClient && grant.challenge == null) {
            respond(exchange, 400, oauthError("invalid_client", "Invalid client secret"));
            return;
        }
        grant.publicClient = publicClient;
        String refreshToken = opaque("AQ");
        refreshTokens.put(refreshToken, grant);
        respond(exchange, 200, issue(grant).put("refresh_token", refreshToken).toString());
    }

    private void refresh(HttpExchange exchange, Map<String, String> form, boolean publicClient) throws IOException {
        String presented = form.get("refresh_token");
        Grant grant = refreshTokens.get(presented);
        if (grant == null) {
            respond(exchange, 400, oauthError("invalid_grant", "Invalid refresh token"));
            return;
        }
        if (grant.revoked) {
            respond(exchange, 400, oauthError("invalid_grant", "Refresh token revoked"));
            return;
        }
        if (grant.expired) {
            respond(exchange, 400, new JSONObject().put("error", "invalid_grant").toString());
            return;
        }
        if (grant.publicClient != publicClient) {
            respond(exchange, 400, oauthError("invalid_client", "Invalid client"));
            return;
        }
        JSONObject body = issue(grant);
        boolean rotateNow = rotate != null ? rotate : grant.publicClient;
        if (rotateNow) {
            refreshTokens.remove(presented);
            String rotated = opaque("AQ");
            refreshTokens.put(rotated, grant);
            body.put("refresh_token", rotated);
        }
        respond(exchange, 200, body.toString());
    }

    private JSONObject issue(Grant grant) {
        String accessToken = opaque("BQ");
        accessTokens.put(accessToken, grant);
        return new JSONObject()
                .put("access_token", accessToken)
                .put("token_type", "Bearer")
                .put("scope", grant.scope)
                .put("expires_in", 3600);
    }

    private void me(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (token == null) {
            respond(exchange, 401, apiError(401, "No token provided"));
            return;
        }
        if (expiredAccessTokens.contains(token)) {
            respond(exchange, 401, apiError(401, "The access token expired"));
            return;
        }
        Grant grant = accessTokens.get(token);
        if (grant == null) {
            respond(exchange, 401, apiError(401, "Invalid access token"));
            return;
        }
        respond(exchange, 200, users.get(grant.user).toString());
    }

    /** Spotify's codes and tokens are long opaque strings; the prefixes are what Spotify's look like. */
    private static String opaque(String prefix) {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String oauthError(String error, String description) {
        return new JSONObject().put("error", error).put("error_description", description).toString();
    }

    static String apiError(int status, String message) {
        return new JSONObject().put("error", new JSONObject().put("status", status).put("message", message)).toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }
}
