package dev.latchkey.providers.stripe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * A loopback stand-in for connect.stripe.com and api.stripe.com that answers as the real ones
 * do: the code exchange (platform secret key in the body, single-use codes whose reuse revokes
 * the connection), refresh (rotating or not), deauthorize, and {@code GET /v1/account} with
 * {@code Stripe-Account}. Failures can be scripted for the next request.
 */
final class FakeStripe implements AutoCloseable {

    static final String CLIENT_ID = "ca_fakePlatformClient";
    static final String SECRET_KEY = "sk_test_fakePlatformSecretKey";

    /** One request as the fake received it. */
    record Seen(String method, String path, Headers headers, Map<String, String> form) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A scripted answer; {@code drop} closes the connection without any response. */
    record Canned(int status, String body, Map<String, String> headers, boolean drop) {
    }

    private final HttpServer server;
    private final Deque<Canned> script = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, String> codeScopes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private final Set<String> connected = new HashSet<>();
    private final Map<String, JSONObject> accounts = new HashMap<>();
    private boolean rotateRefreshTokens;
    private int counter;

    FakeStripe() throws IOException {
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
        values.put("client-secret", SECRET_KEY);
        values.put("authorize-url", base() + "/oauth/authorize");
        values.put("token-url", base() + "/oauth/token");
        values.put("deauthorize-url", base() + "/oauth/deauthorize");
        values.put("api-url", base().toString());
        return values;
    }

    Provider provider() {
        return provider(settings());
    }

    static Provider provider(Map<String, String> settings) {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new StripeProviderFactory().create(new ProviderConfig("stripe", settings), http);
    }

    /** Registers a Stripe account with the given account object (its {@code id} is the key). */
    synchronized void addAccount(JSONObject account) {
        accounts.put(account.getString("id"), account);
    }

    /** An authorization code as Stripe's consent page would hand to the redirect URI. */
    synchronized String issueCode(String accountId, String scope) {
        if (!accounts.containsKey(accountId)) {
            addAccount(new JSONObject().put("id", accountId).put("object", "account"));
        }
        String code = "ac_" + next();
        codes.put(code, accountId);
        codeScopes.put(code, scope);
        return code;
    }

    synchronized void rotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    synchronized void answerNext(int status, String body, Map<String, String> headers) {
        script.add(new Canned(status, body, headers, false));
    }

    synchronized void dropNext() {
        script.add(new Canned(0, "", Map.of(), true));
    }

    synchronized boolean isConnected(String accountId) {
        return connected.contains(accountId);
    }

    synchronized List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    synchronized Seen last(String path) {
        List<Seen> matching = seen(path);
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
            seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), parseForm(body)));
            Canned canned = script.poll();
            if (canned != null) {
                if (canned.drop()) {
                    return;
                }
                canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                respond(exchange, canned.status(), canned.body());
                return;
            }
            Map<String, String> form = parseForm(body);
            String route = exchange.getRequestMethod() + " " + path;
            switch (route) {
                case "POST /oauth/token" -> token(exchange, form);
                case "POST /oauth/deauthorize" -> deauthorize(exchange, form);
                case "GET /v1/account" -> account(exchange);
                default -> respond(exchange, 404, apiError("invalid_request_error", null, "Unrecognized request URL"));
            }
        }
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!SECRET_KEY.equals(form.get("client_secret"))) {
            respond(exchange, 401, oauthError("invalid_client", "No such API key: " + form.get("client_secret")));
            return;
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            respond(exchange, 400, oauthError("invalid_request", "No grant type specified"));
        } else if (grantType.equals("authorization_code")) {
            exchangeCode(exchange, form.get("code"));
        } else if (grantType.equals("refresh_token")) {
            refresh(exchange, form.get("refresh_token"));
        } else {
            respond(exchange, 400, oauthError("unsupported_grant_type", "Unsupported grant type: " + grantType));
        }
    }

    private void exchangeCode(HttpExchange exchange, String code) throws IOException {
        String accountId = codes.get(code);
        if (accountId == null) {
            respond(exchange, 400, oauthError("invalid_grant", "Authorization code does not exist: " + code));
            return;
        }
        if (!usedCodes.add(code)) {
            disconnect(accountId);
            respond(exchange, 400, oauthError("invalid_grant",
                    "This authorization code has already been used. All tokens issued with this code have been revoked."));
            return;
        }
        connected.add(accountId);
        String refreshToken = "rt_" + next();
        refreshTokens.put(refreshToken, accountId);
        respond(exchange, 200, grant(accountId, codeScopes.get(code)).put("refresh_token", refreshToken).toString());
    }

    private void refresh(HttpExchange exchange, String refreshToken) throws IOException {
        String accountId = refreshTokens.get(refreshToken);
        if (accountId == null || !connected.contains(accountId)) {
            respond(exchange, 400, new JSONObject().put("error", "invalid_grant").toString());
            return;
        }
        JSONObject grant = grant(accountId, "read_write");
        if (rotateRefreshTokens) {
            refreshTokens.remove(refreshToken);
            String rotated = "rt_" + next();
            refreshTokens.put(rotated, accountId);
            grant.put("refresh_token", rotated);
        }
        respond(exchange, 200, grant.toString());
    }

    private JSONObject grant(String accountId, String scope) {
        String accessToken = "sk_test_conn" + next();
        return new JSONObject()
                .put("access_token", accessToken)
                .put("livemode", false)
                .put("token_type", "bearer")
                .put("stripe_publishable_key", "pk_test_" + accountId)
                .put("stripe_user_id", accountId)
                .put("scope", scope);
    }

    private void deauthorize(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!platformKeyPresented(exchange.getRequestHeaders())) {
            respond(exchange, 401, apiError("invalid_request_error", null, "Invalid API Key provided: "
                    + exchange.getRequestHeaders().getFirst("Authorization")));
            return;
        }
        String accountId = form.get("stripe_user_id");
        if (!CLIENT_ID.equals(form.get("client_id")) || accountId == null || !connected.contains(accountId)) {
            respond(exchange, 401, oauthError("invalid_client", "This application is not connected to stripe account "
                    + accountId + ", or that account does not exist."));
            return;
        }
        disconnect(accountId);
        respond(exchange, 200, new JSONObject().put("stripe_user_id", accountId).toString());
    }

    private void account(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        if (!platformKeyPresented(headers)) {
            respond(exchange, 401, apiError("invalid_request_error", null, "Invalid API Key provided: "
                    + headers.getFirst("Authorization")));
            return;
        }
        String accountId = headers.getFirst("Stripe-Account");
        if (accountId == null) {
            respond(exchange, 200, new JSONObject().put("id", "acct_platform").put("object", "account").toString());
            return;
        }
        if (!connected.contains(accountId)) {
            respond(exchange, 403, apiError("invalid_request_error", "account_invalid", "The provided key '" + SECRET_KEY
                    + "' does not have access to account '" + accountId
                    + "' (or that account does not exist). Application access may have been revoked."));
            return;
        }
        respond(exchange, 200, accounts.get(accountId).toString());
    }

    /** Stripe takes the secret key as a bearer token or as the Basic user name with no password. */
    private static boolean platformKeyPresented(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        String basic = "Basic " + Base64.getEncoder().encodeToString((SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
        return ("Bearer " + SECRET_KEY).equals(authorization) || basic.equals(authorization);
    }

    private void disconnect(String accountId) {
        connected.remove(accountId);
        refreshTokens.values().removeIf(accountId::equals);
    }

    private int next() {
        return ++counter;
    }

    private static String oauthError(String error, String description) {
        return new JSONObject().put("error", error).put("error_description", description).toString();
    }

    private static String apiError(String type, String code, String message) {
        JSONObject error = new JSONObject().put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return new JSONObject().put("error", error).toString();
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
