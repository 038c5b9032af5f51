package dev.latchkey.providers.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.Json;
import dev.latchkey.providers.Pkce;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small, configurable OAuth 2.0 authorization server on {@code 127.0.0.1} (the JDK's HttpServer),
 * for provider tests: a token endpoint (authorization code with PKCE, refresh with or without
 * rotation, client authentication by HTTP Basic or POST body), an RFC 7009 revocation endpoint and
 * an account endpoint. Failures are injected per request ({@link #failNext}); every request is
 * recorded ({@link #requests()}). Its error descriptions echo what the client sent (code, tokens,
 * client secret), as careless real servers do, so a provider that passes them on is caught.
 */
public final class FakeOAuthServer implements AutoCloseable {

    /** One request as the fake saw it. */
    public record Request(String method, String path, Map<String, String> headers, Map<String, String> form, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Failure(int status, Map<String, String> headers, String body) {
    }

    private final String clientId;
    private final String clientSecret;
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> tokenExtras = new ConcurrentHashMap<>();

    private volatile ClientAuthentication clientAuthentication = ClientAuthentication.POST;
    private volatile boolean checkClient = true;
    private volatile boolean rotate = true;
    private volatile boolean refreshWithoutRefreshToken;
    private volatile boolean checkPkce = true;
    private volatile Long expiresIn = 3600L;
    private volatile String scope = null;
    private volatile String tokenPath = "/token";
    private volatile String revocationPath = "/revoke";
    private volatile String accountPath = "/me";
    private volatile String accountJson = "{\"id\":\"acct-1\",\"name\":\"Ada Lovelace\"}";
    private int issued;

    /** Starts on a free port of 127.0.0.1. */
    public FakeOAuthServer(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake OAuth server", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    // ---- configuration -------------------------------------------------------------------

    /** How the client must authenticate at the token and revocation endpoints; anything else is 401 invalid_client. */
    public FakeOAuthServer clientAuthentication(ClientAuthentication style) {
        this.clientAuthentication = style;
        return this;
    }

    /** Whether client credentials are checked at all (some vendors authenticate differently). */
    public FakeOAuthServer checkClient(boolean check) {
        this.checkClient = check;
        return this;
    }

    /** Whether a code issued with a challenge needs the matching S256 verifier. */
    public FakeOAuthServer checkPkce(boolean check) {
        this.checkPkce = check;
        return this;
    }

    /** Whether a refresh answers a new refresh token and retires the old one (default true). */
    public FakeOAuthServer rotateRefreshTokens(boolean rotate) {
        this.rotate = rotate;
        return this;
    }

    /** Whether a refresh answers without any {@code refresh_token} member (the old one stays live). */
    public FakeOAuthServer refreshWithoutRefreshToken(boolean omit) {
        this.refreshWithoutRefreshToken = omit;
        return this;
    }

    /** The {@code expires_in} of token responses; null leaves it out. */
    public FakeOAuthServer expiresIn(Long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    /** The {@code scope} member of token responses; null leaves it out. */
    public FakeOAuthServer scope(String scope) {
        this.scope = scope;
        return this;
    }

    /** An extra member of every token response (Salesforce's {@code instance_url}, Stripe's {@code stripe_user_id}). */
    public FakeOAuthServer tokenResponseMember(String name, Object value) {
        tokenExtras.put(name, value);
        return this;
    }

    public FakeOAuthServer tokenPath(String path) {
        this.tokenPath = path;
        return this;
    }

    public FakeOAuthServer revocationPath(String path) {
        this.revocationPath = path;
        return this;
    }

    /** Where the account is answered, and what it answers (to any GET there). */
    public FakeOAuthServer account(String path, String json) {
        this.accountPath = path;
        this.accountJson = json;
        return this;
    }

    // ---- failure injection ---------------------------------------------------------------

    /** The next request, whatever its path, is answered with this instead. */
    public synchronized FakeOAuthServer failNext(int status, Map<String, String> headers, String body) {
        failures.add(new Failure(status, headers, body));
        return this;
    }

    /** The next request answers 429 with {@code Retry-After: seconds}. */
    public FakeOAuthServer rateLimitNext(long seconds) {
        return failNext(429, Map.of("Retry-After", Long.toString(seconds)), "{\"error\":\"rate_limited\"}");
    }

    /** The next request answers 503. */
    public FakeOAuthServer unavailableNext() {
        return failNext(503, Map.of(), "{\"error\":\"temporarily_unavailable\"}");
    }

    // ---- driving and inspecting ----------------------------------------------------------

    /** A code the user "approved" with this S256 challenge (null for none), as the redirect would carry. */
    public String issueCode(String codeChallenge) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, codeChallenge == null ? "" : codeChallenge);
        return code;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The recorded requests to {@code path}. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Whether the refresh token still works here (not rotated away, not revoked). */
    public boolean refreshTokenLive(String refreshToken) {
        return liveRefreshTokens.contains(refreshToken) && !revoked.contains(refreshToken);
    }

    /** Whether a token was revoked at the revocation endpoint. */
    public boolean revoked(String token) {
        return revoked.contains(token);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the server ----------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String contentType = headers.getOrDefault("content-type", "");
            Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded") ? parseForm(body) : Map.of();
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(exchange.getRequestMethod(), path, headers, form, body);
            requests.add(request);
            Failure failure;
            synchronized (this) {
                failure = failures.poll();
            }
            if (failure != null) {
                failure.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                send(exchange, failure.status(), failure.body());
            } else if (path.equals(tokenPath)) {
                token(exchange, request);
            } else if (path.equals(revocationPath)) {
                revoke(exchange, request);
            } else if (path.equals(accountPath) && request.method().equals("GET")) {
                send(exchange, 200, accountJson);
            } else {
                send(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private void token(HttpExchange exchange, Request request) throws IOException {
        if (!clientAuthenticated(request)) {
            send(exchange, 401, error("invalid_client", "client authentication failed for secret "
                    + presentedSecret(request)));
            return;
        }
        Map<String, String> form = request.form();
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            String code = form.get("code");
            String challenge = code == null ? null : codes.remove(code);
            if (challenge == null) {
                send(exchange, 400, error("invalid_grant", "the code " + code + " is unknown or used"));
                return;
            }
            if (checkPkce && !challenge.isEmpty() && (form.get("code_verifier") == null
                    || !Pkce.challenge(form.get("code_verifier")).equals(challenge))) {
                send(exchange, 400, error("invalid_grant", "PKCE verification failed for code " + code));
                return;
            }
            send(exchange, 200, tokens(true));
        } else if (grant.equals("refresh_token")) {
            String refresh = form.get("refresh_token");
            if (refresh == null || !refreshTokenLive(refresh)) {
                send(exchange, 400, error("invalid_grant", "the refresh token " + refresh + " is invalid"));
                return;
            }
            boolean newOne = rotate && !refreshWithoutRefreshToken;
            if (newOne) {
                liveRefreshTokens.remove(refresh);
            }
            send(exchange, 200, tokens(newOne));
        } else {
            send(exchange, 400, error("unsupported_grant_type", "grant " + grant));
        }
    }

    private void revoke(HttpExchange exchange, Request request) throws IOException {
        if (!clientAuthenticated(request)) {
            send(exchange, 401, error("invalid_client", "client authentication failed"));
            return;
        }
        String token = request.form().get("token");
        if (token != null) {
            revoked.add(token);
        }
        send(exchange, 200, "");
    }

    private synchronized String tokens(boolean withRefreshToken) {
        issued++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", "fake-access-" + issued + "-" + UUID.randomUUID());
        body.put("token_type", "bearer");
        if (expiresIn != null) {
            body.put("expires_in", expiresIn);
        }
        if (withRefreshToken) {
            String refresh = "fake-refresh-" + issued + "-" + UUID.randomUUID();
            liveRefreshTokens.add(refresh);
            body.put("refresh_token", refresh);
        }
        if (scope != null) {
            body.put("scope", scope);
        }
        body.putAll(tokenExtras);
        return Json.write(body);
    }

    private boolean clientAuthenticated(Request request) {
        if (!checkClient) {
            return true;
        }
        if (clientAuthentication == ClientAuthentication.BASIC) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            return expected.equals(request.header("Authorization"));
        }
        // Some vendors (Stripe) take the secret alone: a client_id, when sent, must match.
        String id = request.form().get("client_id");
        return (id == null || clientId.equals(id)) && clientSecret.equals(request.form().get("client_secret"));
    }

    private static String presentedSecret(Request request) {
        String secret = request.form().get("client_secret");
        if (secret == null && request.header("Authorization") != null && request.header("Authorization").startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(request.header("Authorization").substring(6)), StandardCharsets.UTF_8);
            secret = pair.substring(pair.indexOf(':') + 1);
        }
        return secret;
    }

    private static String error(String error, String description) {
        return Json.write(Map.of("error", error, "error_description", description));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body or query. */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    @Override
    public String toString() {
        return "FakeOAuthServer[" + url("") + "]";
    }

}
