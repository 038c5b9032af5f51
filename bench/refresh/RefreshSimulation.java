import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refresh at scale (issue 9): a fake GitHub (GitHub App user tokens that expire and whose
 * refresh tokens rotate; errors as HTTP 200 with an "error" field; latency and a transient
 * error rate you set) and a driver that connects CONNECTIONS sites to it through Latchkey's
 * real HTTP API, lets every first token expire within WINDOW_SECONDS, keeps fetching tokens
 * through the site tokens meanwhile, and reports what Latchkey did. Run by bench/refresh/run.
 *
 * Usage: java RefreshSimulation.java <latchkey base url> <bootstrap token file> <fake port>
 * Environment: CONNECTIONS, WINDOW_SECONDS, SETUP_SECONDS, FAKE_LATENCY_MS, FAKE_ERROR_RATE, CHECKERS.
 */
public class RefreshSimulation {

    static final int CONNECTIONS = Integer.parseInt(env("CONNECTIONS", "10000"));
    static final int WINDOW_SECONDS = Integer.parseInt(env("WINDOW_SECONDS", "180"));
    static final int SETUP_SECONDS = Integer.parseInt(env("SETUP_SECONDS", "240"));
    static final int LATENCY_MS = Integer.parseInt(env("FAKE_LATENCY_MS", "100"));
    static final double ERROR_RATE = Double.parseDouble(env("FAKE_ERROR_RATE", "0.02"));
    static final int CHECKERS = Integer.parseInt(env("CHECKERS", "4"));
    static final long REFRESHED_LIFETIME_SECONDS = 8 * 3600; // GitHub App user tokens: eight hours

    /** One authorization (a connection) as the fake sees it: its tokens and its refreshes. */
    static final class Family {
        final int id;
        volatile String refreshToken;
        volatile long firstExpiresAt;
        volatile long firstRefreshedAt;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger refreshes = new AtomicInteger();

        Family(int id) {
            this.id = id;
        }
    }

    record IssuedToken(Family family, long expiresAt) {
    }

    static final Map<String, Family> byCode = new ConcurrentHashMap<>();
    static final Map<String, Family> byRefreshToken = new ConcurrentHashMap<>();
    static final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
    static final List<Family> families = java.util.Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger nextFamily = new AtomicInteger();
    static final AtomicInteger refreshInFlight = new AtomicInteger();
    static final AtomicInteger peakRefreshInFlight = new AtomicInteger();
    static final AtomicLong refreshCalls = new AtomicLong();
    static final AtomicLong injectedErrors = new AtomicLong();
    static final AtomicLong staleRefreshTokens = new AtomicLong();
    static final AtomicLong handedOut = new AtomicLong();
    static final AtomicLong handedOutExpired = new AtomicLong();
    static final AtomicLong fetchFailures = new AtomicLong();
    static final Map<Integer, AtomicLong> fetchStatuses = new ConcurrentHashMap<>();
    static volatile long windowStart;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String bootstrap = Files.readString(Path.of(args[1])).trim();
        int fakePort = Integer.parseInt(args[2]);
        long started = System.currentTimeMillis();
        windowStart = started + SETUP_SECONDS * 1000L;

        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", fakePort), 512);
        fake.setExecutor(Executors.newFixedThreadPool(64));
        fake.createContext("/login/oauth/authorize", RefreshSimulation::authorize);
        fake.createContext("/login/oauth/access_token", RefreshSimulation::token);
        fake.createContext("/user", RefreshSimulation::user);
        fake.start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> siteTokens = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(8);
        AtomicInteger failedSetups = new AtomicInteger();
        for (int i = 0; i < CONNECTIONS; i++) {
            int n = i;
            setup.submit(() -> {
                try {
                    siteTokens.add(connect(http, base, bootstrap, n));
                } catch (Exception e) {
                    if (failedSetups.incrementAndGet() <= 3) {
                        System.err.println("setup failed: " + e);
                    }
                }
            });
        }
        setup.shutdown();
        setup.awaitTermination(1, TimeUnit.HOURS);
        long setupSeconds = (System.currentTimeMillis() - started) / 1000;
        System.out.printf("setup: %d connections in %d s (%d failed)%n", siteTokens.size(), setupSeconds,
                failedSetups.get());
        if (System.currentTimeMillis() > windowStart) {
            System.out.println("note: setup overran SETUP_SECONDS; the first tokens' window began during setup");
        }

        long windowEnd = windowStart + WINDOW_SECONDS * 1000L;
        AtomicBoolean checking = new AtomicBoolean(true);
        ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
        for (int c = 0; c < CHECKERS; c++) {
            checkers.submit(() -> {
                while (checking.get()) {
                    String token = siteTokens.get(ThreadLocalRandom.current().nextInt(siteTokens.size()));
                    fetchAndCheck(http, base, token);
                }
                return null;
            });
        }
        while (System.currentTimeMillis() < windowEnd + 15_000) {
            Thread.sleep(5000);
            long now = System.currentTimeMillis();
            long refreshed = families.stream().filter(f -> f.firstRefreshedAt > 0).count();
            System.out.printf("t=%+4d s  refreshed %d/%d  in flight %d  handed out %d (expired %d)%n",
                    (now - windowStart) / 1000, refreshed, families.size(), refreshInFlight.get(), handedOut.get(),
                    handedOutExpired.get());
        }
        checking.set(false);
        checkers.shutdown();
        checkers.awaitTermination(1, TimeUnit.MINUTES);
        fake.stop(0);
        report();
        System.exit(0);
    }

    /** Site, site token, connect through the fake's authorize redirect: returns the site token. */
    static String connect(HttpClient http, String base, String bootstrap, int n) throws Exception {
        String site = field(send(http, post(base + "/v1/sites", bootstrap, "{\"name\":\"sim-" + n + "\"}")), "id");
        String siteToken = field(send(http, post(base + "/v1/sites/" + site + "/site-token", bootstrap, "")), "token");
        String authorizeUrl = field(send(http, post(base + "/v1/sites/" + site + "/connections", bootstrap,
                "{\"provider\":\"github\"}")), "authorize_url");
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = redirect.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(callback)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() >= 400) {
            throw new IllegalStateException("callback answered " + done.statusCode() + ": " + done.body());
        }
        return siteToken;
    }

    static void fetchAndCheck(HttpClient http, String base, String siteToken) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/site/connections/github"))
                    .header("Authorization", "Bearer " + siteToken).build(), HttpResponse.BodyHandlers.ofString());
            long received = System.currentTimeMillis();
            fetchStatuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
            if (answer.statusCode() != 200) {
                fetchFailures.incrementAndGet();
                return;
            }
            handedOut.incrementAndGet();
            IssuedToken issued = accessTokens.get(field(answer.body(), "access_token"));
            if (issued == null || issued.expiresAt() <= received) {
                handedOutExpired.incrementAndGet();
            }
        } catch (Exception e) {
            fetchFailures.incrementAndGet();
        }
    }

    // --- the fake GitHub ---

    static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Family family = new Family(nextFamily.incrementAndGet());
        families.add(family);
        String code = "code_" + family.id + "_" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        byCode.put(code, family);
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (form.containsKey("code")) {
            Family family = byCode.remove(form.get("code"));
            if (family == null) {
                json(exchange, 200, "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}");
                return;
            }
            family.firstExpiresAt = windowStart + ThreadLocalRandom.current().nextLong(WINDOW_SECONDS * 1000L);
            json(exchange, 200, issue(family, family.firstExpiresAt));
            return;
        }
        refreshCalls.incrementAndGet();
        Family family = byRefreshToken.get(form.getOrDefault("refresh_token", ""));
        if (family == null) {
            staleRefreshTokens.incrementAndGet();
            json(exchange, 200, "{\"error\":\"bad_refresh_token\",\"error_description\":\"The refresh token passed is incorrect or expired.\"}");
            return;
        }
        peak(peakRefreshInFlight, refreshInFlight.incrementAndGet());
        peak(family.maxInFlight, family.inFlight.incrementAndGet());
        try {
            sleep(LATENCY_MS);
            if (ThreadLocalRandom.current().nextDouble() < ERROR_RATE) {
                injectedErrors.incrementAndGet();
                if (ThreadLocalRandom.current().nextBoolean()) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    json(exchange, 429, "{\"message\":\"API rate limit exceeded\"}");
                } else {
                    json(exchange, 503, "{\"message\":\"Service unavailable\"}");
                }
                return;
            }
            byRefreshToken.remove(form.get("refresh_token")); // rotation: the used one is retired
            family.refreshes.incrementAndGet();
            long now = System.currentTimeMillis();
            if (family.firstRefreshedAt == 0) {
                family.firstRefreshedAt = now;
            }
            json(exchange, 200, issue(family, now + REFRESHED_LIFETIME_SECONDS * 1000));
        } finally {
            family.inFlight.decrementAndGet();
            refreshInFlight.decrementAndGet();
        }
    }

    static String issue(Family family, long expiresAt) {
        String access = "ghu_" + family.id + "_" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        String refresh = "ghr_" + family.id + "_" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        accessTokens.put(access, new IssuedToken(family, expiresAt));
        byRefreshToken.put(refresh, family);
        family.refreshToken = refresh;
        long expiresIn = Math.max(1, (expiresAt - System.currentTimeMillis()) / 1000);
        return "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + refresh
                + "\",\"refresh_token_expires_in\":15811200,\"scope\":\"\",\"token_type\":\"bearer\"}";
    }

    static void user(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        IssuedToken issued = auth == null ? null : accessTokens.get(auth.replaceFirst("^(?i)(bearer|token) ", ""));
        if (issued == null) {
            json(exchange, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        json(exchange, 200, "{\"id\":" + issued.family().id + ",\"login\":\"sim-user-" + issued.family().id + "\"}");
    }

    static void report() {
        long now = System.currentTimeMillis();
        int before = 0;
        int after = 0;
        int never = 0;
        int maxPerConnection = 0;
        long marginSum = 0;
        for (Family f : families) {
            maxPerConnection = Math.max(maxPerConnection, f.maxInFlight.get());
            if (f.firstExpiresAt == 0) {
                continue;
            }
            if (f.firstRefreshedAt == 0) {
                never++;
            } else if (f.firstRefreshedAt < f.firstExpiresAt) {
                before++;
                marginSum += f.firstExpiresAt - f.firstRefreshedAt;
            } else {
                after++;
            }
        }
        int total = before + after + never;
        System.out.println();
        System.out.println("=== refresh at scale ===");
        System.out.printf("connections                      %d%n", total);
        System.out.printf("first tokens expiring within      %d s (window)%n", WINDOW_SECONDS);
        System.out.printf("fake provider                     %d ms latency, %.1f%% transient errors (429 with Retry-After / 503)%n",
                LATENCY_MS, ERROR_RATE * 100);
        System.out.printf("refreshed before expiry           %d (%.2f%%), mean %.1f s before%n", before,
                total == 0 ? 0 : 100.0 * before / total, before == 0 ? 0 : marginSum / 1000.0 / before);
        System.out.printf("refreshed only after expiry       %d%n", after);
        System.out.printf("never refreshed                   %d%n", never);
        System.out.printf("refresh calls                     %d (injected errors %d, stale refresh tokens presented %d)%n",
                refreshCalls.get(), injectedErrors.get(), staleRefreshTokens.get());
        System.out.printf("peak concurrent refreshes         %d%n", peakRefreshInFlight.get());
        System.out.printf("max refreshes in flight for one   %d%n", maxPerConnection);
        System.out.printf("tokens handed out (site token)    %d; expired ones %d; other answers %s%n", handedOut.get(),
                handedOutExpired.get(), fetchStatuses);
        boolean ok = total == CONNECTIONS && before == total && handedOutExpired.get() == 0 && maxPerConnection <= 1
                && staleRefreshTokens.get() == 0;
        System.out.println(ok ? "RESULT: all targets met" : "RESULT: TARGET MISSED");
    }

    // --- small HTTP and JSON helpers (the JDK only) ---

    static HttpRequest post(String url, String bearer, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1).replace("\\u0026", "&").replace("\\/", "/");
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void peak(AtomicInteger peak, int value) {
        peak.accumulateAndGet(value, Math::max);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
