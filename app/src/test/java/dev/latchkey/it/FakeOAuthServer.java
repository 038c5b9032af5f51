package dev.latchkey.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OAuth 2.0 provider for the Acme test plugin, on loopback only: authorization codes
 * bound to a PKCE challenge, refresh tokens that rotate (reusing an old one is
 * {@code invalid_grant}), revocation, {@code /me}, and switches to make the next refresh slow
 * or fail. The test plays the user: it approves an authorization request directly.
 */
final class FakeOAuthServer implements AutoCloseable {

    static final String CLIENT_ID = "latchkey-it";
    static final String CLIENT_SECRET = "it-client-secret";

    /** One grant: a user's consent, its current tokens and how often it was refreshed. */
    static final class Grant {
        final String account = "acct_" + UUID.randomUUID().toString().substring(0, 8);
        final String scope;
        final long firstExpiresIn;
        volatile String accessToken;
        volatile String refreshToken;
        final AtomicInteger refreshes = new AtomicInteger();
        final List<String> issued = new CopyOnWriteArrayList<>();
        volatile boolean revoked;

        Grant(String scope, long firstExpiresIn) {
            this.scope = scope;
            this.firstExpiresIn = firstExpiresIn;
        }
    }

    private record PendingCode(Grant grant, String challenge) {
    }

    private final HttpServer server;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> byRefresh = new ConcurrentHashMap<>();
    private final Map<String, Grant> byAccess = new ConcurrentHashMap<>();
    private final Set<String> usedRefresh = ConcurrentHashMap.newKeySet();
    volatile long refreshDelayMillis;
    volatile String failNextRefreshWith;
    /** Every refresh fails this way until cleared: "unavailable" (503) or "rate_limited" (429). */
    volatile String failRefreshesWith;
    volatile int retryAfterSeconds = 1;
    volatile int revokeStatus = 200;
    /** Refresh requests received, whatever they were answered. */
    final AtomicInteger refreshCalls = new AtomicInteger();

    FakeOAuthServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/revoke", this::revoke);
        server.createContext("/me", this::me);
        server.createContext("/authorize", this::authorize);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The user approves: a code bound to the request's PKCE challenge. */
    String approve(String codeChallenge, String scope, long expiresIn) {
        String code = "code_" + UUID.randomUUID();
        codes.put(code, new PendingCode(new Grant(scope, expiresIn), codeChallenge));
        return code;
    }

    Grant grantOfAccessToken(String accessToken) {
        return byAccess.get(accessToken);
    }

    /**
     * The grant is refreshed by someone Latchkey never hears from (as when Latchkey dies while the
     * provider answers): new tokens are issued and the refresh token Latchkey holds is retired.
     */
    synchronized void rotateUnseen(Grant grant) {
        usedRefresh.add(grant.refreshToken);
        grant.accessToken = "acme_at_" + UUID.randomUUID();
        grant.refreshToken = "acme_rt_" + UUID.randomUUID();
        byAccess.put(grant.accessToken, grant);
        byRefresh.put(grant.refreshToken, grant);
    }

    Grant grantOfRefreshToken(String refreshToken) {
        return byRefresh.get(refreshToken);
    }

    private synchronized void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (!("Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8))).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if ("authorization_code".equals(form.get("grant_type"))) {
            PendingCode pending = codes.remove(form.getOrDefault("code", ""));
            if (pending == null || !pending.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad code or verifier\"}");
                return;
            }
            issue(exchange, pending.grant(), pending.grant().firstExpiresIn);
            return;
        }
        if ("refresh_token".equals(form.get("grant_type"))) {
            refreshCalls.incrementAndGet();
            sleep(refreshDelayMillis);
            String presented = form.getOrDefault("refresh_token", "");
            Grant grant = byRefresh.get(presented);
            String failure = failNextRefreshWith != null ? failNextRefreshWith : failRefreshesWith;
            failNextRefreshWith = null;
            if ("unavailable".equals(failure) || "rate_limited".equals(failure)) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                send(exchange, "unavailable".equals(failure) ? 503 : 429, "{}");
                return;
            }
            if (grant == null || grant.revoked || usedRefresh.contains(presented) || "invalid_grant".equals(failure)) {
                send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token invalid\"}");
                return;
            }
            usedRefresh.add(presented);
            grant.refreshes.incrementAndGet();
            issue(exchange, grant, 3600);
            return;
        }
        send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
    }

    private void issue(HttpExchange exchange, Grant grant, long expiresIn) throws IOException {
        grant.accessToken = "acme_at_" + UUID.randomUUID();
        grant.refreshToken = "acme_rt_" + UUID.randomUUID();
        grant.issued.add(grant.accessToken);
        grant.issued.add(grant.refreshToken);
        byAccess.put(grant.accessToken, grant);
        byRefresh.put(grant.refreshToken, grant);
        send(exchange, 200, "{\"access_token\":\"" + grant.accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresIn + ",\"refresh_token\":\"" + grant.refreshToken + "\",\"scope\":\"" + grant.scope + "\"}");
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Grant grant = byRefresh.get(form(exchange).getOrDefault("token", ""));
        if (revokeStatus != 200) {
            send(exchange, revokeStatus, "{}");
            return;
        }
        if (grant != null) {
            grant.revoked = true;
        }
        send(exchange, 200, "{}");
    }

    private void me(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Grant grant = authorization == null ? null : byAccess.get(authorization.replaceFirst("^Bearer ", ""));
        if (grant == null || !grant.accessToken.equals(authorization.replaceFirst("^Bearer ", ""))) {
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        send(exchange, 200, "{\"id\":\"" + grant.account + "\",\"name\":\"Acme " + grant.account + "\"}");
    }

    /**
     * The consent page as a browser meets it, with the user approving at once: back to the
     * redirect URI with a code (bound to the PKCE challenge) and the state.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        String code = approve(query.get("code_challenge"), query.getOrDefault("scope", "read"), 3600);
        String back = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code="
                + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> parse(String body) {
        if (body == null) {
            return Map.of();
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
