package dev.latchkey.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the Java filter costs per request (issue 19: under 5 µs on a cache hit), through the real
 * {@link LatchkeyGate} and {@link LatchkeyVerifier} of latchkey-client: the key read from the
 * {@code Authorization} header, the cache lookup (a SHA-256 of the key, an LRU map under a lock),
 * the principal with the key's permissions as roles. The verifier's cache is warmed in
 * {@link #setUp()} with a VALID answer from a JDK {@link HttpServer} fake of
 * {@code /v1/keys/verify} on loopback, so the cached path never leaves the process. For contrast,
 * an uncached verifier asks the fake on every call (one loopback HTTP round trip, Latchkey's own
 * work not included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LatchkeyGateBenchmark {

    private static final String KEY = "sk_test_benchBenchBenchBenchBench01";
    private static final String ANSWER = "{\"valid\":true,\"code\":\"VALID\",\"key_id\":\"tok_bench\","
            + "\"site_id\":\"site_bench\",\"environment\":\"test\",\"permissions\":[\"read\",\"write\"],"
            + "\"scopes\":[],\"owner_id\":\"cus_bench\",\"metadata\":{},\"expires_at\":null,"
            + "\"rate_limit\":{\"limit\":1000000,\"remaining\":999999,\"reset\":1}}";

    private HttpServer fake;
    private LatchkeyGate cachedGate;
    private LatchkeyVerifier uncachedVerifier;
    private String authorization;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // Without TCP_NODELAY the fake's header and body writes meet the client's delayed ACK: every
        // call then waits ~40 ms for the network stack, not for anything the client does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
        fake.createContext("/v1/keys/verify", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        fake.setExecutor(Executors.newFixedThreadPool(2));
        fake.start();
        String base = "http://127.0.0.1:" + fake.getAddress().getPort();
        // The longest bound the client allows, so that no entry expires during a measurement.
        LatchkeyVerifier cached = LatchkeyVerifier.builder().baseUrl(base).verifierKey("vk_test_bench")
                .cacheFor(Duration.ofMinutes(5)).build();
        uncachedVerifier = LatchkeyVerifier.builder().baseUrl(base).verifierKey("vk_test_bench").build();
        cachedGate = new LatchkeyGate(cached, List.of("read"));
        authorization = "Bearer " + KEY;
        // Warm the cache: this one check goes to the fake; every measured one must be a hit.
        if (!(cachedGate.check(authorization, null, null, "req_warm") instanceof LatchkeyGate.Admitted)
                || cached.cachedAnswers() != 1) {
            throw new IllegalStateException("The fake's VALID answer was not cached");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fake.stop(0);
        ((java.util.concurrent.ExecutorService) fake.getExecutor()).shutdownNow();
    }

    /** The filter's work on a cache hit, the request carrying its own X-Request-Id. */
    @Benchmark
    public boolean cachedCheck() {
        return admitted(cachedGate.check(authorization, null, null, "req_bench0123456789"));
    }

    /** The same, without an incoming X-Request-Id: the gate makes one (SecureRandom). */
    @Benchmark
    public boolean cachedCheckNewRequestId() {
        return admitted(cachedGate.check(authorization, null, null, null));
    }

    /** No cache: one verification over loopback HTTP to the fake per call. */
    @Benchmark
    public boolean uncachedVerify() {
        return uncachedVerifier.verify(KEY, List.of("read"), null).valid();
    }

    private static boolean admitted(LatchkeyGate.Outcome outcome) {
        if (outcome instanceof LatchkeyGate.Admitted admitted) {
            return admitted.principal().isUserInRole("read") && admitted.principal().getName() != null;
        }
        throw new IllegalStateException("Refused: " + ((LatchkeyGate.Refused) outcome).body());
    }
}
