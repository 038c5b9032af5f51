package dev.latchkey.providers.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.providers.Pkce;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A loopback stand-in for a Salesforce login host and org instance, answering like the real
 * one: authorize redirects with a code, the token endpoint checks body client authentication,
 * redirect_uri and the PKCE verifier, issues no expires_in, rotates refresh tokens only when
 * told to, and the identity, userinfo and revoke endpoints behave as Salesforce's do.
 */
final class FakeSalesforce implements AutoCloseable {

    static final String CLIENT_ID = "3MVG9fakeConsumerKey";
    static final String CLIENT_SECRET = "fake-consumer-secret-7f3a";
    static final String ORG_ID = "00Dxx0000000001";
    static final String USER_ID = "005xx000000001AAA";
    static final String USERNAME = "ada@example.org";
    static final String DISPLAY_NAME = "Ada Lovelace";

    /** A request the fake received. Header names are lower case. */
    record Received(String method, String path, Map<String, String> headers, Map<String, String> form) {
    }

    /** A canned answer for the next token or revoke request. */
    record Canned(int status, Map<String, String> headers, String body) {
    }

    private record Grant(String redirectUri, String challenge, String scope) {
    }

    private final HttpServer server;
    private final String base;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> accessToRefresh = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();

    private volatile boolean publicClient;
    private volatile boolean rotateRefreshTokens;
    private volatile String instancePath = "/na1";
    private volatile long lastIssuedAt;

    FakeSalesforce() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String baseUrl() {
        return base;
    }

    String instanceUrl() {
        return base + instancePath;
    }

    String identityUrl() {
        return base + "/id/" + ORG_ID + "/" + USER_ID;
    }

    /** Accept no client secret (and refuse one), like an app configured as a public client. */
    void publicClient() {
        publicClient = true;
    }

    /** Turn on refresh token rotation, as the app setting does. */
    void rotateRefreshTokens() {
        rotateRefreshTokens = true;
    }

    /** Move the org: later token responses name another instance URL. */
    void moveInstance(String path) {
        instancePath = path;
    }

    long lastIssuedAt() {
        return lastIssuedAt;
    }

    synchronized void answerNext(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Issues a code directly, as if the user had approved a request with these parameters. */
    String approve(String redirectUri, String challenge, String scope) {
        String code = "aPrx" + counter.incrementAndGet() + "code";
        codes.put(code, new Grant(redirectUri, challenge, scope));
        return code;
    }

    boolean refreshTokenValid(String refreshToken) {
        return refreshTokens.containsKey(refreshToken);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            Map<String, String> form = "POST".equals(exchange.getRequestMethod())
                    ? parse(read(exchange.getRequestBody())) : parse(exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), path, headers, form));

            if (path.equals(SalesforceEndpoints.AUTHORIZE_PATH)) {
                authorize(exchange, form);
            } else if (path.equals(SalesforceEndpoints.TOKEN_PATH) || path.equals(SalesforceEndpoints.REVOKE_PATH)) {
                Canned next = nextCanned();
                if (next != null) {
                    next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    send(exchange, next.status(), next.body());
                } else if (!"POST".equals(exchange.getRequestMethod())
                        || !headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded")) {
                    send(exchange, 400, error("invalid_request", "must use HTTP POST with a form"));
                } else if (path.equals(SalesforceEndpoints.TOKEN_PATH)) {
                    token(exchange, headers, form);
                } else {
                    revoke(exchange, form);
                }
            } else if (path.equals("/id/" + ORG_ID + "/" + USER_ID)) {
                identity(exchange, headers);
            } else if (path.endsWith(SalesforceEndpoints.USERINFO_PATH)) {
                userinfo(exchange, headers);
            } else {
                send(exchange, 404, "");
            }
        }
    }

    private synchronized Canned nextCanned() {
        return canned.poll();
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirectUri = query.get("redirect_uri");
        if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null) {
            send(exchange, 400, "<html>error=invalid_client_id</html>");
            return;
        }
        String method = query.get("code_challenge_method");
        if (!"code".equals(query.get("response_type"))
                || (query.get("code_challenge") != null && method != null && !"S256".equals(method))) {
            redirect(exchange, redirectUri, Map.of("error", "unsupported_response_type", "state", query.getOrDefault("state", "")));
            return;
        }
        String code = "aPrx" + counter.incrementAndGet() + "code";
        codes.put(code, new Grant(redirectUri, query.get("code_challenge"), query.get("scope")));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", query.get("state"));
        redirect(exchange, redirectUri, params);
    }

    private void token(HttpExchange exchange, Map<String, String> headers, Map<String, String> form) throws IOException {
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            send(exchange, 400, error("invalid_client_id", "client identifier invalid"));
            return;
        }
        boolean secretOk = publicClient ? form.get("client_secret") == null : CLIENT_SECRET.equals(form.get("client_secret"));
        if (!secretOk || headers.containsKey("authorization")) {
            send(exchange, 400, error("invalid_client", "invalid client credentials"));
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> exchangeCode(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            default -> send(exchange, 400, error("unsupported_grant_type", "grant type not supported"));
        }
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null) {
            send(exchange, 400, error("invalid_grant", "expired authorization code"));
            return;
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            send(exchange, 400, error("redirect_uri_mismatch", "redirect_uri must match configuration"));
            return;
        }
        if (grant.challenge() != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null) {
                send(exchange, 400, new JSONObject().put("error", "invalid_grant").toString());
                return;
            }
            if (!Pkce.challenge(verifier).equals(grant.challenge())) {
                send(exchange, 400, new JSONObject().put("error", "invalid_request").toString());
                return;
            }
        }
        JSONObject body = issue(grant, true);
        send(exchange, 200, body.toString());
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        String old = form.get("refresh_token");
        Grant grant = old == null ? null : refreshTokens.get(old);
        if (grant == null) {
            send(exchange, 400, error("invalid_grant", "expired access/refresh token"));
            return;
        }
        JSONObject body;
        if (rotateRefreshTokens) {
            refreshTokens.remove(old);
            body = issue(grant, true);
        } else {
            body = issue(grant, false);
            accessToRefresh.put(body.getString("access_token"), old);
        }
        send(exchange, 200, body.toString());
    }

    private JSONObject issue(Grant grant, boolean withRefreshToken) {
        String access = ORG_ID + "!AQ" + counter.incrementAndGet() + "accesstokenvalue";
        accessTokens.put(access, true);
        long issuedAt = System.currentTimeMillis() - 1_500;
        lastIssuedAt = issuedAt;
        String scope = grant.scope() == null ? "api refresh_token" : grant.scope();
        JSONObject body = new JSONObject()
                .put("access_token", access)
                .put("signature", "VA0jxT+xl3HUdw1+Fz2f+47OD3AV490hgNhhkFYvPLE=")
                .put("scope", scope)
                .put("instance_url", instanceUrl())
                .put("id", identityUrl())
                .put("token_type", "Bearer")
                .put("issued_at", Long.toString(issuedAt));
        List<String> scopes = Arrays.asList(scope.split(" "));
        if (withRefreshToken && (scopes.contains("refresh_token") || scopes.contains("offline_access"))) {
            String refresh = "5Aep86" + counter.incrementAndGet() + "refreshtokenvalue";
            refreshTokens.put(refresh, grant);
            accessToRefresh.put(access, refresh);
            body.put("refresh_token", refresh);
        }
        return body;
    }

    private void revoke(HttpExchange exchange, Map<String, String> form) throws IOException {
        String token = form.get("token");
        if (token != null && refreshTokens.remove(token) != null) {
            accessToRefresh.entrySet().removeIf(e -> {
                if (e.getValue().equals(token)) {
                    accessTokens.remove(e.getKey());
                    return true;
                }
                return false;
            });
            send(exchange, 200, "");
        } else if (token != null && accessTokens.remove(token) != null) {
            send(exchange, 200, "");
        } else {
            send(exchange, 400, new JSONObject().put("error", "invalid_token").toString());
        }
    }

    private void identity(HttpExchange exchange, Map<String, String> headers) throws IOException {
        if (!validBearer(headers)) {
            send(exchange, 403, "Bad_OAuth_Token");
            return;
        }
        JSONObject body = new JSONObject()
                .put("id", identityUrl())
                .put("asserted_user", true)
                .put("user_id", USER_ID)
                .put("organization_id", ORG_ID)
                .put("username", USERNAME)
                .put("nick_name", "ada")
                .put("display_name", DISPLAY_NAME)
                .put("email", "ada@example.org")
                .put("active", true)
                .put("user_type", "STANDARD");
        send(exchange, 200, body.toString());
    }

    private void userinfo(HttpExchange exchange, Map<String, String> headers) throws IOException {
        if (!validBearer(headers)) {
            send(exchange, 401, new JSONArray().put(new JSONObject()
                    .put("message", "Session expired or invalid").put("errorCode", "INVALID_SESSION_ID")).toString());
            return;
        }
        JSONObject body = new JSONObject()
                .put("sub", identityUrl())
                .put("user_id", USER_ID)
                .put("organization_id", ORG_ID)
                .put("preferred_username", USERNAME)
                .put("name", DISPLAY_NAME)
                .put("email", "ada@example.org");
        send(exchange, 200, body.toString());
    }

    private boolean validBearer(Map<String, String> headers) {
        String authorization = headers.getOrDefault("authorization", "");
        return authorization.startsWith("Bearer ") && accessTokens.containsKey(authorization.substring(7));
    }

    private static String error(String error, String description) {
        return new JSONObject().put("error", error).put("error_description", description).toString();
    }

    private static void redirect(HttpExchange exchange, String redirectUri, Map<String, String> params) throws IOException {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        params.forEach((k, v) -> location.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)).append('&'));
        location.setLength(location.length() - 1);
        exchange.getResponseHeaders().add("Location", location.toString());
        send(exchange, 302, "");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty() && (body.startsWith("{") || body.startsWith("["))) {
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    static Map<String, String> query(URI uri) {
        return parse(uri.getRawQuery());
    }
}
