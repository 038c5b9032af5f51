package dev.latchkey.providers.github;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;

/**
 * A loopback stand-in for github.com's OAuth endpoints and api.github.com that answers as the
 * real ones do: the authorize redirect, the token endpoint (client credentials in the body,
 * errors as HTTP 200 with {@code error}, JSON only when asked with {@code Accept}, comma-separated
 * granted scopes, single-use codes, S256 PKCE), rotating refresh for GitHub App user tokens,
 * {@code GET /user} and {@code DELETE /applications/{client_id}/grant}. Failures can be
 * scripted for the next request.
 */
final class FakeGitHub implements AutoCloseable {

    static final String CLIENT_ID = "Ov23liFakeClientId0001";
    static final String CLIENT_SECRET = "fakeclientsecret0123456789abcdef01234567";
    static final long USER_ID = 583231L;
    static final String LOGIN = "octocat";

    /** Which kind of GitHub client the fake plays. */
    enum Kind {
        /** Classic OAuth App: gho_ tokens that never expire. */
        OAUTH_APP,
        /** GitHub App with user-token expiration: ghu_ tokens for 8 h and rotating ghr_ refresh tokens. */
        GITHUB_APP_EXPIRING,
        /** GitHub App that opted out of expiration: ghu_ tokens without expiry or refresh token. */
        GITHUB_APP_NON_EXPIRING
    }

    /** One request as the fake received it. */
    record Seen(String method, String path, Headers headers, Map<String, String> form, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A scripted answer for the next request. */
    record Canned(int status, String body, Map<String, String> headers) {
    }

    private record Code(String redirectUri, String scope, String challenge, String grant) {
    }

    private final HttpServer server;
    private final Deque<Canned> script = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, String> accessTokens = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private Kind kind = Kind.OAUTH_APP;
    private List<String> grantOnly;
    private int counter;

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", CLIENT_SECRET);
        values.put("authorize-url", base() + "/login/oauth/authorize");
        values.put("token-url", base() + "/login/oauth/access_token");
        values.put("api-url", base().toString());
        return values;
    }

    GitHubProvider provider(Clock clock) {
        return provider(settings(), clock);
    }

    GitHubProvider provider(Map<String, String> settings, Clock clock) {
        ProviderConfig config = new ProviderConfig(GitHubProviderFactory.ID, settings);
        return new GitHubProvider(config.clientId(), config.clientSecret(), GitHubEndpoints.from(config),
                new OAuthHttp(HttpClient.newHttpClient()), clock);
    }

    synchronized void kind(Kind kind) {
        this.kind = kind;
    }

    /** The user unticks scopes on the consent page: only these are granted. */
    synchronized void grantOnly(List<String> scopes) {
        this.grantOnly = List.copyOf(scopes);
    }

    synchronized void next(int status, String body, Map<String, String> headers) {
        script.add(new Canned(status, body, headers));
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized Seen last(String path) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).path().equals(path)) {
                return seen.get(i);
            }
        }
        return null;
    }

    /** Plays the user approving the app: follows the authorization URL and returns the callback URL GitHub redirects to. */
    URI consent(URI authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(authorizationUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The code of a callback URL. */
    static String code(URI callback) {
        return query(callback.getRawQuery()).get("code");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    synchronized boolean live(String accessToken) {
        return accessTokens.containsKey(accessToken);
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
            Map<String, String> form = new LinkedHashMap<>(query(exchange.getRequestURI().getRawQuery()));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                form.putAll(query(body));
            }
            seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), form, body));
            Canned canned = script.poll();
            if (canned != null) {
                canned.headers().forEach(exchange.getResponseHeaders()::add);
                reply(exchange, canned.status(), canned.body());
                return;
            }
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals("/login/oauth/authorize")) {
                authorize(exchange, form);
            } else if ("POST".equals(method) && path.equals("/login/oauth/access_token")) {
                token(exchange, form);
            } else if ("GET".equals(method) && path.equals("/user")) {
                user(exchange);
            } else if ("DELETE".equals(method) && path.equals("/applications/" + CLIENT_ID + "/grant")) {
                revokeGrant(exchange, body);
            } else {
                json(exchange, 404, new JSONObject().put("message", "Not Found"));
            }
        }
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            reply(exchange, 404, "<html>Not Found</html>");
            return;
        }
        String challenge = query.get("code_challenge");
        if (challenge != null && !"S256".equals(query.get("code_challenge_method"))) {
            reply(exchange, 400, "<html>Only S256 is supported</html>");
            return;
        }
        String requested = query.getOrDefault("scope", "");
        List<String> granted = grantOnly != null ? grantOnly
                : Arrays.stream(requested.split(" ")).filter(s -> !s.isEmpty()).toList();
        String code = "fakecode" + (++counter);
        codes.put(code, new Code(query.get("redirect_uri"), String.join(",", granted), challenge, "grant" + counter));
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", code);
        callback.put("state", query.get("state"));
        exchange.getResponseHeaders().add("Location", OAuthHttp.withQuery(query.get("redirect_uri"), callback).toString());
        reply(exchange, 302, "");
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            tokenError(exchange, "incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
            return;
        }
        String grantType = form.get("grant_type");
        if ("refresh_token".equals(grantType)) {
            refresh(exchange, form);
            return;
        }
        if (grantType != null && !"authorization_code".equals(grantType)) {
            tokenError(exchange, "unsupported_grant_type", null);
            return;
        }
        String codeValue = form.get("code");
        Code code = codes.get(codeValue);
        if (code == null || !usedCodes.add(codeValue)) {
            tokenError(exchange, "bad_verification_code", "The code passed is incorrect or expired.");
            return;
        }
        if (code.redirectUri() != null && !code.redirectUri().equals(form.get("redirect_uri"))) {
            tokenError(exchange, "redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
            return;
        }
        if (code.challenge() != null) {
            String verifier = form.get("code_verifier");
            // GitHub does not document the error of a wrong verifier; a bad code is the closest documented answer.
            if (verifier == null || !Pkce.challenge(verifier).equals(code.challenge())) {
                tokenError(exchange, "bad_verification_code", "The code passed is incorrect or expired.");
                return;
            }
        }
        issue(exchange, code.grant(), code.scope());
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        String grant = refreshTokens.remove(form.get("refresh_token"));
        if (grant == null) {
            tokenError(exchange, "bad_refresh_token", "The refresh token passed is incorrect or expired.");
            return;
        }
        // Rotation: the old access token dies with the refresh token it came with.
        accessTokens.values().removeIf(grant::equals);
        issue(exchange, grant, "");
    }

    private void issue(HttpExchange exchange, String grant, String scope) throws IOException {
        JSONObject answer = new JSONObject();
        int n = ++counter;
        if (kind == Kind.OAUTH_APP) {
            String access = "gho_fakeOAuthAppToken" + n;
            accessTokens.put(access, grant);
            answer.put("access_token", access).put("scope", scope).put("token_type", "bearer");
        } else {
            String access = "ghu_fakeUserToken" + n;
            accessTokens.put(access, grant);
            answer.put("access_token", access);
            if (kind == Kind.GITHUB_APP_EXPIRING) {
                String refresh = "ghr_fakeRefreshToken" + n;
                refreshTokens.put(refresh, grant);
                answer.put("expires_in", 28800).put("refresh_token", refresh).put("refresh_token_expires_in", 15897600);
            }
            answer.put("scope", "").put("token_type", "bearer");
        }
        if (acceptsJson(exchange)) {
            json(exchange, 200, answer);
        } else {
            Map<String, String> formAnswer = new LinkedHashMap<>();
            answer.keySet().forEach(k -> formAnswer.put(k, String.valueOf(answer.get(k))));
            exchange.getResponseHeaders().add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            reply(exchange, 200, OAuthHttp.formEncode(formAnswer));
        }
    }

    private void tokenError(HttpExchange exchange, String error, String description) throws IOException {
        JSONObject body = new JSONObject().put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        // GitHub answers token-endpoint errors with 200, not 400.
        if (acceptsJson(exchange)) {
            json(exchange, 200, body);
        } else {
            reply(exchange, 200, OAuthHttp.formEncode(Map.of("error", error)));
        }
    }

    private void user(HttpExchange exchange) throws IOException {
        if (exchange.getRequestHeaders().getFirst("User-Agent") == null) {
            json(exchange, 403, new JSONObject().put("message", "Request forbidden by administrative rules."));
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (token == null || !accessTokens.containsKey(token)) {
            json(exchange, 401, new JSONObject().put("message", "Bad credentials")
                    .put("documentation_url", "https://docs.github.com/rest").put("status", "401"));
            return;
        }
        json(exchange, 200, new JSONObject().put("login", LOGIN).put("id", USER_ID).put("node_id", "MDQ6VXNlcjU4MzIzMQ==")
                .put("type", "User").put("name", "The Octocat").put("email", JSONObject.NULL));
    }

    private void revokeGrant(HttpExchange exchange, String body) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, new JSONObject().put("message", "Bad credentials"));
            return;
        }
        String grant = accessTokens.get(new JSONObject(body.isBlank() ? "{}" : body).optString("access_token"));
        if (grant == null) {
            json(exchange, 422, new JSONObject().put("message", "Validation Failed"));
            return;
        }
        accessTokens.values().removeIf(grant::equals);
        refreshTokens.values().removeIf(grant::equals);
        reply(exchange, 204, "");
    }

    private static boolean acceptsJson(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static void json(HttpExchange exchange, int status, JSONObject body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        reply(exchange, status, body.toString());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
