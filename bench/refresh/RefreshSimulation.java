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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refresh at scale (issue 9), run by {@code bench/refresh/run}. Two parts in one JVM:
 *
 * <ul>
 *   <li>{@link FakeGitHub}: GitHub's OAuth web flow for a GitHub App's user tokens, as described
 *       in {@code shared/provider-facts/github.json}: authorize redirect with PKCE (S256), token
 *       endpoint answering JSON only for {@code Accept: application/json} and its OAuth errors as
 *       HTTP 200 with an {@code error} member, refresh that rotates (the used refresh token and the
 *       old access token stop working), {@code GET /user} needing a User-Agent and a live token.
 *       Refresh calls take {@code FAKE_LATENCY_MS} and a {@code FAKE_ERROR_RATE} fraction of them
 *       answer a transient 429 with {@code Retry-After} or a 503. It keeps a ledger of every token
 *       it issued (expiry, revocation) and of every refresh (per connection and overall, in flight).</li>
 *   <li>The driver: connects {@code CONNECTIONS} sites through Latchkey's real HTTP API (site, site
 *       token, start, the fake's redirect, the callback), the fake giving each a first token that
 *       expires at a random moment of the {@code WINDOW_SECONDS} after set-up; then, until every
 *       first token has expired, fetches tokens through the site tokens ({@code FETCH_RATE} a second
 *       at random, plus one probe of each connection just after its first token expired) and checks
 *       every token handed out against the ledger.</li>
 * </ul>
 *
 * Usage: {@code java RefreshSimulation.java <latchkey base url> <bootstrap token file> <fake port>}.
 * Knobs (environment): CONNECTIONS, WINDOW_SECONDS, FAKE_LATENCY_MS, FAKE_ERROR_RATE,
 * FAKE_RETRY_AFTER_SECONDS, FETCH_RATE, SETUP_THREADS, WARMUP; for the report only: MARGIN_SECONDS,
 * INTERVAL_SECONDS, REFRESH_CONCURRENCY. Exit status 0 when every target is met, 1 otherwise.
 */
public class RefreshSimulation {

    static final int CONNECTIONS = Integer.parseInt(env("CONNECTIONS", "10000"));
    static final int WINDOW_SECONDS = Integer.parseInt(env("WINDOW_SECONDS", "180"));
    static final int LATENCY_MS = Integer.parseInt(env("FAKE_LATENCY_MS", "100"));
    static final double ERROR_RATE = Double.parseDouble(env("FAKE_ERROR_RATE", "0.02"));
    static final int RETRY_AFTER_SECONDS = Integer.parseInt(env("FAKE_RETRY_AFTER_SECONDS", "1"));
    static final int FETCH_RATE = Integer.parseInt(env("FETCH_RATE", "100"));
    static final int SETUP_THREADS = Integer.parseInt(env("SETUP_THREADS", "16"));
    static final int WARMUP = Integer.parseInt(env("WARMUP", Integer.toString(Math.max(300, CONNECTIONS / 10))));
    static final long PROBE_DELAY_MS = 250;
    static final long EXPIRY_TOLERANCE_MS = 2000;

    static final String CLIENT_ID = "Iv1.simulation";
    static final String CLIENT_SECRET = "simulation-secret";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String bootstrap = Files.readString(Path.of(args[1])).trim();
        FakeGitHub fake = new FakeGitHub(Integer.parseInt(args[2]));
        fake.start();
        Driver driver = new Driver(base, bootstrap, fake);
        boolean ok;
        try {
            ok = driver.run();
        } finally {
            fake.stop();
        }
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------
    // The fake GitHub and its ledger
    // ------------------------------------------------------------------------------------------

    /** One authorization of the app by one user, i.e. one Latchkey connection: a refresh-token family. */
    static final class Family {
        final int id;
        final boolean warmup;
        String refreshToken;                 // the one live refresh token (guarded by this)
        String accessToken;                  // the one live access token (guarded by this)
        volatile long firstExpiresAt;        // when the first access token expires (ms)
        volatile long firstRefreshedAt;      // first successful refresh (ms), 0 = none yet
        volatile boolean firstRefreshWithFetchWaiting;
        final AtomicInteger refreshesInFlight = new AtomicInteger();
        final AtomicInteger maxRefreshesInFlight = new AtomicInteger();
        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicInteger fetchesInFlight = new AtomicInteger(); // set by the driver
        volatile long lastFailureAt;         // injected failure answered at (ms), 0 = last call succeeded
        volatile long lastRetryAfterMs;
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>()); // "time:outcome", for the report

        Family(int id, boolean warmup) {
            this.id = id;
            this.warmup = warmup;
        }
    }

    /** An access token as the fake issued it. */
    static final class Issued {
        final Family family;
        final long expiresAt;
        volatile long revokedAt;             // 0 = live; else when a rotation retired it

        Issued(Family family, long expiresAt) {
            this.family = family;
            this.expiresAt = expiresAt;
        }
    }

    record PendingCode(Family family, String redirectUri, String challenge, long issuedAt) {
    }

    static final class FakeGitHub {
        static final long REFRESHED_LIFETIME_SECONDS = 28800;    // GitHub App user tokens: 8 hours
        static final long REFRESH_TOKEN_LIFETIME_SECONDS = 15897600;
        static final long CODE_LIFETIME_MS = 600_000;

        final HttpServer server;
        final Map<Integer, Family> families = new ConcurrentHashMap<>();
        final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
        final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
        final AtomicInteger nextFamily = new AtomicInteger();
        final AtomicInteger refreshesInFlight = new AtomicInteger();
        final AtomicInteger peakRefreshesInFlight = new AtomicInteger();
        final AtomicLong refreshCalls = new AtomicLong();
        final AtomicLong successfulRefreshes = new AtomicLong();
        final AtomicLong injected429 = new AtomicLong();
        final AtomicLong injected503 = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong retriesBeforeRetryAfter = new AtomicLong();
        final AtomicLong staleRefreshTokens = new AtomicLong();
        final AtomicLong otherTokenErrors = new AtomicLong();
        final AtomicLong userLookups = new AtomicLong();
        final AtomicLong userLookupsRefused = new AtomicLong();
        /** Refreshes in flight, sampled by the driver every second: time (s) -> count. */
        final Map<Long, Integer> inFlightSamples = new ConcurrentHashMap<>();

        /** Expiry of first tokens of the measured connections: windowStart + random [0, window). */
        volatile long windowStart;
        volatile boolean warmupPhase = true;

        FakeGitHub(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
            server.setExecutor(Executors.newCachedThreadPool()); // never the bottleneck: peak concurrency is Latchkey's
            server.createContext("/login/oauth/authorize", this::authorize);
            server.createContext("/login/oauth/access_token", this::token);
            server.createContext("/user", this::user);
        }

        void start() {
            server.start();
        }

        void stop() {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }

        /** GET /login/oauth/authorize: the user approves at once; 302 back with code and state. */
        void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String redirectUri = query.get("redirect_uri");
            if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null || query.get("state") == null) {
                send(exchange, 404, "text/html; charset=utf-8", "<html><body>Not Found</body></html>");
                return;
            }
            String challenge = null;
            if (query.containsKey("code_challenge")) {
                if (!"S256".equals(query.get("code_challenge_method"))) {    // GitHub supports S256 only
                    redirect(exchange, redirectUri + "?error=invalid_request&state=" + enc(query.get("state")));
                    return;
                }
                challenge = query.get("code_challenge");
            }
            Family family = new Family(nextFamily.incrementAndGet(), warmupPhase);
            families.put(family.id, family);
            String code = "c" + family.id + "x" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            codes.put(code, new PendingCode(family, redirectUri, challenge, System.currentTimeMillis()));
            redirect(exchange, redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                    + "&state=" + enc(query.get("state")));
        }

        /** POST /login/oauth/access_token: code exchange or refresh (grant_type=refresh_token). */
        void token(HttpExchange exchange) throws IOException {
            Map<String, String> params = form(exchange.getRequestURI().getRawQuery()); // GitHub reads both
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("application/json");
            if (!CLIENT_ID.equals(params.get("client_id")) || !CLIENT_SECRET.equals(params.get("client_secret"))) {
                otherTokenErrors.incrementAndGet();
                tokenError(exchange, json, "incorrect_client_credentials",
                        "The client_id and/or client_secret passed are incorrect.");
                return;
            }
            if ("refresh_token".equals(params.get("grant_type"))) {
                refresh(exchange, json, params.getOrDefault("refresh_token", ""));
            } else if (params.containsKey("grant_type") && !"authorization_code".equals(params.get("grant_type"))) {
                otherTokenErrors.incrementAndGet();
                tokenError(exchange, json, "unsupported_grant_type", null);
            } else {
                exchangeCode(exchange, json, params);
            }
        }

        void exchangeCode(HttpExchange exchange, boolean json, Map<String, String> params) throws IOException {
            PendingCode pending = codes.remove(params.getOrDefault("code", ""));   // single use
            long now = System.currentTimeMillis();
            if (pending == null || now - pending.issuedAt() > CODE_LIFETIME_MS
                    || !pending.redirectUri().equals(params.get("redirect_uri"))
                    || (pending.challenge() != null && !pending.challenge().equals(s256(params.get("code_verifier"))))) {
                otherTokenErrors.incrementAndGet();
                tokenError(exchange, json, "bad_verification_code", "The code passed is incorrect or expired.");
                return;
            }
            Family family = pending.family();
            long expiresAt = family.warmup ? now + REFRESHED_LIFETIME_SECONDS * 1000
                    : windowStart + ThreadLocalRandom.current().nextLong(WINDOW_SECONDS * 1000L);
            String body;
            synchronized (family) {
                body = issue(family, now, Math.max(1, (expiresAt - now) / 1000), json);
                family.firstExpiresAt = accessTokens.get(family.accessToken).expiresAt;
            }
            send(exchange, 200, json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded", body);
        }

        void refresh(HttpExchange exchange, boolean json, String refreshToken) throws IOException {
            refreshCalls.incrementAndGet();
            Family family = familyOf(refreshToken);
            if (family == null) {
                staleRefreshTokens.incrementAndGet();
                tokenError(exchange, json, "bad_refresh_token", "The refresh token passed is incorrect or expired.");
                return;
            }
            peak(peakRefreshesInFlight, refreshesInFlight.incrementAndGet());
            peak(family.maxRefreshesInFlight, family.refreshesInFlight.incrementAndGet());
            try {
                long arrived = System.currentTimeMillis();
                if (family.lastFailureAt > 0) {
                    retries.incrementAndGet();
                    if (arrived < family.lastFailureAt + family.lastRetryAfterMs) {
                        retriesBeforeRetryAfter.incrementAndGet();
                    }
                }
                sleep(LATENCY_MS);
                if (ThreadLocalRandom.current().nextDouble() < ERROR_RATE) {
                    // Transient: a secondary rate limit (429 with Retry-After) or an outage page (503, HTML).
                    family.lastFailureAt = System.currentTimeMillis();
                    boolean limited = ThreadLocalRandom.current().nextBoolean();
                    family.attempts.add(family.lastFailureAt + ":" + (limited ? "429" : "503"));
                    if (limited) {
                        injected429.incrementAndGet();
                        family.lastRetryAfterMs = RETRY_AFTER_SECONDS * 1000L;
                        exchange.getResponseHeaders().add("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                        send(exchange, 429, "application/json; charset=utf-8",
                                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\","
                                        + "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}");
                    } else {
                        injected503.incrementAndGet();
                        family.lastRetryAfterMs = 0;
                        send(exchange, 503, "text/html; charset=utf-8",
                                "<html><body><h1>Unicorn!</h1> No server is currently available to service your request.</body></html>");
                    }
                    return;
                }
                String body;
                long now = System.currentTimeMillis();
                synchronized (family) {
                    if (!refreshToken.equals(family.refreshToken)) {
                        body = null;                       // already rotated: GitHub retired it
                    } else {
                        Issued old = accessTokens.get(family.accessToken);
                        old.revokedAt = now;               // rotation retires the old access token too
                        body = issue(family, now, REFRESHED_LIFETIME_SECONDS, json);
                    }
                }
                if (body == null) {
                    family.attempts.add(now + ":stale");
                    staleRefreshTokens.incrementAndGet();
                    tokenError(exchange, json, "bad_refresh_token", "The refresh token passed is incorrect or expired.");
                    return;
                }
                family.lastFailureAt = 0;
                successfulRefreshes.incrementAndGet();
                family.attempts.add(now + ":ok");
                if (family.refreshes.incrementAndGet() == 1) {
                    family.firstRefreshWithFetchWaiting = family.fetchesInFlight.get() > 0;
                    family.firstRefreshedAt = now;
                }
                send(exchange, 200, json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded", body);
            } finally {
                family.refreshesInFlight.decrementAndGet();
                refreshesInFlight.decrementAndGet();
            }
        }

        /** GET /user: the account behind a live access token. */
        void user(HttpExchange exchange) throws IOException {
            userLookups.incrementAndGet();
            if (exchange.getRequestHeaders().getFirst("User-Agent") == null) {
                userLookupsRefused.incrementAndGet();
                send(exchange, 403, "text/plain", "Request forbidden by administrative rules. "
                        + "Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).");
                return;
            }
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Issued issued = accessTokens.get(auth.replaceFirst("^(?i)(bearer|token) ", ""));
            if (issued == null || issued.revokedAt != 0 || issued.expiresAt <= System.currentTimeMillis()) {
                userLookupsRefused.incrementAndGet();
                send(exchange, 401, "application/json; charset=utf-8",
                        "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
                return;
            }
            int id = issued.family.id;
            send(exchange, 200, "application/json; charset=utf-8", "{\"login\":\"sim-user-" + id + "\",\"id\":" + (1_000_000 + id)
                    + ",\"type\":\"User\",\"name\":\"Simulated user " + id + "\",\"email\":null}");
        }

        /** A new access/refresh pair for the family; the caller holds the family's lock. */
        String issue(Family family, long now, long expiresIn, boolean json) {
            String access = "ghu_" + family.id + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            String refresh = "ghr_" + family.id + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            accessTokens.put(access, new Issued(family, now + expiresIn * 1000));
            family.accessToken = access;
            family.refreshToken = refresh;
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("access_token", access);
            fields.put("expires_in", Long.toString(expiresIn));
            fields.put("refresh_token", refresh);
            fields.put("refresh_token_expires_in", Long.toString(REFRESH_TOKEN_LIFETIME_SECONDS));
            fields.put("scope", "");
            fields.put("token_type", "bearer");
            return json ? toJson(fields, Set.of("expires_in", "refresh_token_expires_in")) : toForm(fields);
        }

        Family familyOf(String refreshToken) {
            Matcher m = Pattern.compile("ghr_(\\d+)_[0-9a-f]+").matcher(refreshToken);
            return m.matches() ? families.get(Integer.parseInt(m.group(1))) : null;
        }

        void tokenError(HttpExchange exchange, boolean json, String error, String description) throws IOException {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("error", error);
            if (description != null) {
                fields.put("error_description", description);
            }
            // GitHub answers its token-endpoint errors with HTTP 200.
            send(exchange, 200, json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded",
                    json ? toJson(fields, Set.of()) : toForm(fields));
        }
    }

    // ------------------------------------------------------------------------------------------
    // The driver
    // ------------------------------------------------------------------------------------------

    /** A connected site as the driver knows it. */
    record Site(String siteToken, Family family) {
    }

    static final class Driver {
        final String base;
        final String bootstrap;
        final FakeGitHub fake;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        // fetch outcomes
        final AtomicLong fetches = new AtomicLong();
        final AtomicLong probes = new AtomicLong();
        final AtomicLong handedOut = new AtomicLong();
        final AtomicLong expiredHandedOut = new AtomicLong();
        final AtomicLong supersededHandedOut = new AtomicLong();
        final AtomicLong supersededWhileInFlight = new AtomicLong();
        final AtomicLong unknownHandedOut = new AtomicLong();
        final AtomicLong wrongConnectionHandedOut = new AtomicLong();
        final AtomicLong expiryOverstated = new AtomicLong();
        final AtomicLong transportFailures = new AtomicLong();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final Map<Integer, String> exampleBodies = new ConcurrentHashMap<>();
        final AtomicLongArray latencyMs = new AtomicLongArray(60_001); // histogram, last bucket = 60 s+

        Driver(String base, String bootstrap, FakeGitHub fake) {
            this.base = base;
            this.bootstrap = bootstrap;
            this.fake = fake;
        }

        boolean run() throws Exception {
            // 1. Warm-up connections (8-hour tokens, not measured): they warm the JIT and time one
            //    connect, so that the measured first tokens can expire over the window that starts
            //    when set-up ends.
            List<Site> warm = new ArrayList<>(connectAll(WARMUP / 2, "warmup-a"));
            long timed = System.currentTimeMillis();
            warm.addAll(connectAll(WARMUP - WARMUP / 2, "warmup-b"));
            double perSecond = (WARMUP - WARMUP / 2) * 1000.0 / Math.max(1, System.currentTimeMillis() - timed);
            long estimatedSetupMs = (long) (CONNECTIONS / perSecond * 1000);
            fake.windowStart = System.currentTimeMillis() + estimatedSetupMs;
            fake.warmupPhase = false;
            System.out.printf("warm-up: %d connections at %.0f/s; window estimated to start in %d s%n", warm.size(),
                    perSecond, estimatedSetupMs / 1000);

            // 2. The measured connections.
            long setupStarted = System.currentTimeMillis();
            List<Site> sites = connectAll(CONNECTIONS, "sim");
            long setupEnded = System.currentTimeMillis();
            System.out.printf("set-up: %d connections in %d s (%.0f/s); set-up ended %+.1f s from the window's start%n",
                    sites.size(), (setupEnded - setupStarted) / 1000, sites.size() * 1000.0 / (setupEnded - setupStarted),
                    (setupEnded - fake.windowStart) / 1000.0);
            if (sites.isEmpty()) {
                System.out.println("RESULT: set-up failed");
                return false;
            }

            // 3. The window: random fetches at FETCH_RATE, and one probe of each connection just after
            //    its first token's expiry, until every first token has expired.
            long windowEnd = fake.windowStart + WINDOW_SECONDS * 1000L;
            long stopAt = Math.max(windowEnd, setupEnded) + PROBE_DELAY_MS + 5_000;
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            ExecutorService fetchers = Executors.newFixedThreadPool(32);
            if (FETCH_RATE > 0) {
                timer.scheduleAtFixedRate(() -> {
                    if (System.currentTimeMillis() < stopAt) {
                        Site site = sites.get(ThreadLocalRandom.current().nextInt(sites.size()));
                        fetchers.submit(() -> fetchAndCheck(site, false));
                    }
                }, 0, 1_000_000 / FETCH_RATE, TimeUnit.MICROSECONDS);
            }
            long now = System.currentTimeMillis();
            for (Site site : sites) {
                long delay = Math.max(0, site.family().firstExpiresAt + PROBE_DELAY_MS - now);
                timer.schedule(() -> fetchers.submit(() -> fetchAndCheck(site, true)), delay, TimeUnit.MILLISECONDS);
            }
            long lastLine = 0;
            while (System.currentTimeMillis() < stopAt) {
                Thread.sleep(1000);
                long t = System.currentTimeMillis();
                fake.inFlightSamples.put((t - fake.windowStart) / 1000, fake.refreshesInFlight.get());
                if (t - lastLine >= 10_000) {
                    lastLine = t;
                    long due = sites.stream().filter(s -> s.family().firstExpiresAt <= t).count();
                    long refreshed = sites.stream().filter(s -> s.family().firstRefreshedAt > 0).count();
                    System.out.printf("t=%+4d s  first tokens expired %5d  refreshed %5d/%d  refreshes in flight %2d"
                                    + "  handed out %d (expired %d, superseded %d)%n", (t - fake.windowStart) / 1000, due,
                            refreshed, sites.size(), fake.refreshesInFlight.get(), handedOut.get(), expiredHandedOut.get(),
                            supersededHandedOut.get());
                }
            }
            timer.shutdownNow();
            fetchers.shutdown();
            fetchers.awaitTermination(2, TimeUnit.MINUTES);
            String metrics = latchkeyRefreshMetrics();
            return report(sites, setupStarted, setupEnded, metrics);
        }

        List<Site> connectAll(int count, String prefix) throws InterruptedException {
            List<Site> sites = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
            AtomicInteger failures = new AtomicInteger();
            for (int i = 0; i < count; i++) {
                int n = i;
                pool.submit(() -> {
                    try {
                        sites.add(connect(prefix + "-" + n));
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("set-up of " + prefix + "-" + n + " failed: " + e);
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            if (failures.get() > 0) {
                System.out.println("set-up failures: " + failures.get());
            }
            return new ArrayList<>(sites);
        }

        /** Site, site token, start, the fake's authorize redirect, Latchkey's callback. */
        Site connect(String name) throws Exception {
            String site = field(send(post("/v1/sites", "{\"name\":\"" + name + "\"}")), "id");
            String siteToken = field(send(post("/v1/sites/" + site + "/site-token", "")), "token");
            String authorizeUrl = field(send(post("/v1/sites/" + site + "/connections", "{\"provider\":\"github\"}")),
                    "authorize_url");
            HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String callback = approved.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("authorize answered " + approved.statusCode()));
            Family family = fake.codes.get(form(URI.create(callback).getRawQuery()).get("code")).family();
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(callback)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (done.statusCode() != 200) {
                throw new IllegalStateException("callback answered " + done.statusCode() + ": " + done.body());
            }
            return new Site(siteToken, family);
        }

        void fetchAndCheck(Site site, boolean probe) {
            Family family = site.family();
            family.fetchesInFlight.incrementAndGet();
            long sent = System.currentTimeMillis();
            try {
                (probe ? probes : fetches).incrementAndGet();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/site/connections/github"))
                        .header("Authorization", "Bearer " + site.siteToken()).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long received = System.currentTimeMillis();
                latencyMs.incrementAndGet((int) Math.min(60_000, received - sent));
                statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
                if (answer.statusCode() != 200) {
                    exampleBodies.putIfAbsent(answer.statusCode(), answer.body());
                    return;
                }
                handedOut.incrementAndGet();
                Issued issued = fake.accessTokens.get(field(answer.body(), "access_token"));
                if (issued == null) {
                    unknownHandedOut.incrementAndGet();
                } else if (issued.family != family) {
                    wrongConnectionHandedOut.incrementAndGet();
                } else if (issued.expiresAt <= received) {
                    expiredHandedOut.incrementAndGet();
                } else if (issued.revokedAt != 0 && issued.revokedAt <= sent) {
                    supersededHandedOut.incrementAndGet();
                } else if (issued.revokedAt != 0 && issued.revokedAt <= received) {
                    supersededWhileInFlight.incrementAndGet();
                }
                if (issued != null && announcedExpiry(answer.body()) > issued.expiresAt + EXPIRY_TOLERANCE_MS) {
                    expiryOverstated.incrementAndGet();
                }
            } catch (Exception e) {
                transportFailures.incrementAndGet();
            } finally {
                family.fetchesInFlight.decrementAndGet();
            }
        }

        /**
         * The {@code expires_at} Latchkey announces with a token (RFC 3339 or epoch seconds), in ms.
         * It derives it from {@code expires_in} on receipt, so it may be later than the fake's own
         * record by the answer's transit; more than {@link #EXPIRY_TOLERANCE_MS} would be a fault.
         */
        static long announcedExpiry(String body) {
            Matcher m = Pattern.compile("\"expires_at\"\\s*:\\s*(\"([^\"]*)\"|[0-9.]+)").matcher(body);
            if (!m.find()) {
                return Long.MAX_VALUE;
            }
            return m.group(2) != null ? java.time.Instant.parse(m.group(2)).toEpochMilli()
                    : (long) (Double.parseDouble(m.group(1)) * 1000);
        }

        /** Latchkey's own count of provider refreshes by outcome, from its metrics. */
        String latchkeyRefreshMetrics() {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=application")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Map<String, String> outcomes = new TreeMap<>();
                Matcher m = Pattern.compile("(?m)^latchkey_provider_refreshes_total\\{([^}]*)}\\s+([0-9.eE+]+)").matcher(body);
                while (m.find()) {
                    Matcher outcome = Pattern.compile("outcome=\"([^\"]*)\"").matcher(m.group(1));
                    outcomes.put(outcome.find() ? outcome.group(1) : m.group(1), String.valueOf((long) Double.parseDouble(m.group(2))));
                }
                return outcomes.isEmpty() ? "(not found)" : outcomes.toString();
            } catch (Exception e) {
                return "(unavailable: " + e.getClass().getSimpleName() + ")";
            }
        }

        boolean report(List<Site> sites, long setupStarted, long setupEnded, String metrics) {
            int before = 0;
            int after = 0;
            int never = 0;
            int byFetch = 0;
            int refreshedTwice = 0;
            int maxPerConnection = 0;
            List<Long> leads = new ArrayList<>();
            for (Site site : sites) {
                Family f = site.family();
                maxPerConnection = Math.max(maxPerConnection, f.maxRefreshesInFlight.get());
                if (f.refreshes.get() > 1) {
                    refreshedTwice++;
                }
                if (f.firstRefreshedAt == 0) {
                    never++;
                } else if (f.firstRefreshedAt < f.firstExpiresAt) {
                    before++;
                    leads.add(f.firstExpiresAt - f.firstRefreshedAt);
                    if (f.firstRefreshWithFetchWaiting) {
                        byFetch++;
                    }
                } else {
                    after++;
                }
            }
            for (Family f : fake.families.values()) {
                maxPerConnection = Math.max(maxPerConnection, f.maxRefreshesInFlight.get());
            }
            Collections.sort(leads);
            int total = sites.size();
            long margin = Long.parseLong(env("MARGIN_SECONDS", "300"));
            long interval = Long.parseLong(env("INTERVAL_SECONDS", "60"));
            String concurrency = env("REFRESH_CONCURRENCY", "");
            double compression = 3600.0 / WINDOW_SECONDS;
            long bad = expiredHandedOut.get() + supersededHandedOut.get() + unknownHandedOut.get()
                    + wrongConnectionHandedOut.get() + expiryOverstated.get();
            boolean ok = total == CONNECTIONS && before == total && bad == 0 && maxPerConnection <= 1
                    && fake.staleRefreshTokens.get() == 0;

            System.out.println();
            System.out.println("=== Refresh at scale (issue 9) ===");
            System.out.printf("connections                  %d (plus %d warm-up connections with 8-hour tokens, not counted)%n",
                    total, WARMUP);
            System.out.printf("set-up                       %.0f s through the HTTP API (site, site token, start, authorize, callback), %d threads%n",
                    (setupEnded - setupStarted) / 1000.0, SETUP_THREADS);
            System.out.printf("first tokens expire          uniformly over %d s after set-up (%.1f a second)%n", WINDOW_SECONDS,
                    (double) total / WINDOW_SECONDS);
            System.out.printf("fake GitHub                  %d ms per refresh call, %.1f%% of them fail (half 429 + Retry-After: %d, half 503);"
                    + " refresh rotates both tokens; new tokens live 8 h%n", LATENCY_MS, ERROR_RATE * 100, RETRY_AFTER_SECONDS);
            System.out.printf("Latchkey                     refresh margin %d s, interval %d s, concurrency %s; H2; -Xmx512m; access log off%n",
                    margin, interval, concurrency.isEmpty() ? "default (16)" : concurrency);
            System.out.println();
            System.out.printf("refreshed before expiry      %d / %d (%.2f%%)   [target 100%%]%n", before, total,
                    total == 0 ? 0 : 100.0 * before / total);
            if (!leads.isEmpty()) {
                System.out.printf("  lead before expiry         min %.1f s, median %.1f s, max %.1f s%n", leads.get(0) / 1000.0,
                        leads.get(leads.size() / 2) / 1000.0, leads.get(leads.size() - 1) / 1000.0);
                System.out.printf("  by the background job      %d; while a site-token fetch of it was waiting %d%n",
                        before - byFetch, byFetch);
            }
            System.out.printf("refreshed only after expiry  %d%n", after);
            System.out.printf("never refreshed              %d%n", never);
            sites.stream().map(Site::family).filter(f -> f.firstRefreshedAt == 0 || f.firstRefreshedAt >= f.firstExpiresAt)
                    .limit(5).forEach(f -> System.out.printf("  e.g. connection %d, refresh calls relative to its expiry: %s%n", f.id,
                            f.attempts.stream().map(a -> String.format("%+.1f s %s",
                                    (Long.parseLong(a.split(":")[0]) - f.firstExpiresAt) / 1000.0, a.split(":")[1])).toList()));
            System.out.printf("refreshed more than once     %d%n", refreshedTwice);
            System.out.printf("refresh calls                %d: %d refreshed, %d injected errors (%d 429, %d 503), %d retries after an error"
                            + " (%d sooner than Retry-After), %d stale refresh tokens presented [target 0]%n",
                    fake.refreshCalls.get(), fake.successfulRefreshes.get(), fake.injected429.get() + fake.injected503.get(),
                    fake.injected429.get(), fake.injected503.get(), fake.retries.get(), fake.retriesBeforeRetryAfter.get(),
                    fake.staleRefreshTokens.get());
            System.out.printf("Latchkey's refresh metrics   %s%n", metrics);
            System.out.printf("peak concurrent refreshes    %d (%s)%n", fake.peakRefreshesInFlight.get(), inFlightProfile());
            System.out.printf("max in flight for one conn.  %d   [target 1]%n", maxPerConnection);
            System.out.printf("tokens handed out            %d (%d random fetches, %d probes just after a first token expired)%n",
                    handedOut.get(), fetches.get(), probes.get());
            System.out.printf("  expired                    %d   [target 0]%n", expiredHandedOut.get());
            System.out.printf("  superseded (revoked by rotation before the fetch was sent) %d   [target 0]%n", supersededHandedOut.get());
            System.out.printf("  superseded while the fetch was in flight %d (rotation raced the answer)%n", supersededWhileInFlight.get());
            System.out.printf("  unknown or another connection's %d   [target 0]%n", unknownHandedOut.get() + wrongConnectionHandedOut.get());
            System.out.printf("  expires_at later than the real expiry (> %d ms) %d   [target 0]%n", EXPIRY_TOLERANCE_MS,
                    expiryOverstated.get());
            System.out.printf("fetch answers                %s%s; transport failures %d%n", new TreeMap<>(statusCounts()),
                    exampleBodies.isEmpty() ? "" : " e.g. " + exampleBodies, transportFailures.get());
            System.out.printf("fetch latency                p50 %d ms, p99 %d ms, max %d ms%n", percentile(0.50), percentile(0.99),
                    percentile(1.0));
            System.out.printf("user lookups                 %d (%d refused)%n", fake.userLookups.get(), fake.userLookupsRefused.get());
            System.out.println();
            System.out.printf("Time compression: the issue's hour is compressed %.0fx into %d s, so tokens come due %.0fx faster than in"
                    + " the hour (%.1f/s instead of %.1f/s). The provider is not compressed (%d ms per call, Retry-After %d s), nor is"
                    + " Latchkey's back-off base (30 s, capped at half the time left to expiry). The margin (300 s by default) is %d s"
                    + " here and the interval (60 s) %d s: %.0fx less time to refresh and retry each token than with the defaults."
                    + " Not covered: the 8-hour second round, an hour of audit rows, MariaDB, several instances.%n",
                    compression, WINDOW_SECONDS, compression, (double) total / WINDOW_SECONDS, total / 3600.0, LATENCY_MS,
                    RETRY_AFTER_SECONDS, margin, interval, 300.0 / margin);
            System.out.println(ok ? "RESULT: all targets met" : "RESULT: TARGET MISSED");
            return ok;
        }

        Map<Integer, Long> statusCounts() {
            Map<Integer, Long> counts = new HashMap<>();
            statuses.forEach((k, v) -> counts.put(k, v.get()));
            return counts;
        }

        /** Mean refreshes in flight over the seconds when any was. */
        String inFlightProfile() {
            List<Integer> busy = fake.inFlightSamples.values().stream().filter(v -> v > 0).toList();
            return busy.isEmpty() ? "none sampled"
                    : String.format("mean %.1f in flight over the %d one-second samples with any", busy.stream()
                    .mapToInt(Integer::intValue).average().orElse(0), busy.size());
        }

        long percentile(double p) {
            long total = 0;
            for (int i = 0; i < latencyMs.length(); i++) {
                total += latencyMs.get(i);
            }
            long rank = Math.max(1, (long) Math.ceil(p * total));
            long seen = 0;
            for (int i = 0; i < latencyMs.length(); i++) {
                seen += latencyMs.get(i);
                if (seen >= rank) {
                    return i;
                }
            }
            return 0;
        }

        HttpRequest post(String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bootstrap)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        String send(HttpRequest request) throws Exception {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers (the JDK only)
    // ------------------------------------------------------------------------------------------

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

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String toForm(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        return String.join("&", pairs);
    }

    static String toJson(Map<String, String> fields, Set<String> numbers) {
        List<String> members = new ArrayList<>();
        fields.forEach((k, v) -> members.add("\"" + k + "\":" + (numbers.contains(k) ? v : "\"" + v.replace("\"", "\\\"") + "\"")));
        return "{" + String.join(",", members) + "}";
    }

    static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
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
