package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped or frozen MariaDB costs a request seconds and a 503 {@code unavailable} in the error
 * shape, readiness turns DOWN as quickly, and everything works again once the database is back,
 * without restarting Latchkey. The database is a private {@code mariadbd} the test starts, stops,
 * freezes (SIGSTOP) and thaws (SIGCONT); the shared one is never touched.
 */
class DatabaseFaultsIT {

    private static final Logger LOG = Logger.getLogger(DatabaseFaultsIT.class.getName());
    private static final String MASTER_KEY = "ZGF0YWJhc2UtZmF1bHRzLXRlc3QtbWFzdGVyLWtleS0=";
    /** The private server lets any password in: this one proves the password is never logged. */
    private static final String PASSWORD = "pw-never-logged-7c1e";
    private static final Duration FAULT_ANSWER_LIMIT = Duration.ofSeconds(5);
    private static final Duration FROZEN_ANSWER_LIMIT = Duration.ofSeconds(10);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(20);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path directory;

    private RunningJar jar;
    private String token;

    @Test
    void stoppedAndFrozenDatabaseAnswer503QuicklyAndEverythingRecoversWithoutRestart() throws Exception {
        try (PrivateMariaDb db = PrivateMariaDb.start(directory);
             RunningJar running = RunningJar.start(directory, Map.of(
                     "LATCHKEY_DB_URL", db.url("latchkey"),
                     "LATCHKEY_DB_USER", "root",
                     "LATCHKEY_DB_PASSWORD", PASSWORD,
                     "LATCHKEY_MASTER_KEY", MASTER_KEY,
                     "LATCHKEY_USAGE_FLUSH_SECONDS", "1",
                     "LATCHKEY_DATA_DIR", directory.resolve("data").toString()))) {
            jar = running;
            token = Files.readString(directory.resolve("data/bootstrap-token")).trim();
            assertEquals(201, send("POST", "/v1/sites", "{\"name\":\"before\"}").status);
            assertWorks();

            db.stop();
            Duration stopped = assertUnavailable("stopped", FAULT_ANSWER_LIMIT);
            Duration recovered = recover("stopped", db::start);

            db.freeze();
            Duration frozen = assertUnavailable("frozen", FROZEN_ANSWER_LIMIT);
            Duration concurrent = assertConcurrentRequestsAnswer(FROZEN_ANSWER_LIMIT);
            Duration thawed = recover("frozen", db::thaw);

            LOG.info(() -> "Database faults: slowest answer stopped " + stopped.toMillis() + " ms, frozen "
                    + frozen.toMillis() + " ms, 8 concurrent while frozen " + concurrent.toMillis()
                    + " ms; working again " + recovered.toMillis() + " ms after the restart, "
                    + thawed.toMillis() + " ms after the thaw");
            assertOneLinePerOutageInTheLog(2);
        }
    }

    /**
     * Requests that read, write and authenticate answer 503 unavailable within the limit, and
     * readiness turns DOWN. A verified credential may be served from the cache until the
     * credential sync (every 200 ms) finds the database gone; whoami is asked until then.
     */
    private Duration assertUnavailable(String fault, Duration limit) throws Exception {
        Instant faultAt = Instant.now();
        Duration slowest = Duration.ZERO;
        List<String[]> calls = List.of(new String[]{"GET", "/v1/sites"}, new String[]{"POST", "/v1/sites"},
                new String[]{"GET", "/v1/sites"}, new String[]{"GET", "/v1/whoami"});
        for (String[] call : calls) {
            Answer answer = send(call[0], call[1], call[0].equals("POST") ? "{\"name\":\"during\"}" : null);
            while (answer.status == 200 && call[1].equals("/v1/whoami")
                    && Duration.between(faultAt, Instant.now()).compareTo(limit) < 0) {
                Thread.sleep(50);
                answer = get(call[1]);
            }
            Answer last = answer;
            LOG.info(() -> fault + ": " + call[0] + " " + call[1] + " -> " + last.status + " in "
                    + last.took.toMillis() + " ms");
            assertEquals(503, answer.status, fault + " " + call[1] + ": " + answer.body);
            JsonNode body = json.readTree(answer.body);
            assertEquals("unavailable", body.path("error").asText(), answer.body);
            assertTrue(body.path("request_id").asText().startsWith("req_"), answer.body);
            assertEquals("5", answer.headers.firstValue("Retry-After").orElse(null));
            assertTrue(answer.took.compareTo(limit) < 0, fault + ": answered in " + answer.took);
            slowest = answer.took.compareTo(slowest) > 0 ? answer.took : slowest;
        }
        Answer ready = get("/health/ready");
        LOG.info(() -> fault + ": /health/ready -> " + ready.status + " in " + ready.took.toMillis() + " ms");
        assertEquals(503, ready.status, ready.body);
        assertTrue(ready.body.contains("DOWN"), ready.body);
        assertTrue(ready.took.compareTo(limit) < 0, fault + ": readiness answered in " + ready.took);
        return slowest;
    }

    /** Eight requests at once while the database is frozen: none waits past the limit. */
    private Duration assertConcurrentRequestsAnswer(Duration limit) throws Exception {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return get("/v1/sites");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Duration slowest = Duration.ZERO;
        for (var future : answers) {
            Answer answer = future.get();
            assertEquals(503, answer.status, answer.body);
            assertTrue(answer.took.compareTo(limit) < 0, "concurrent request answered in " + answer.took);
            slowest = answer.took.compareTo(slowest) > 0 ? answer.took : slowest;
        }
        return slowest;
    }

    /** Ends the fault; requests work again within the limit, with nothing restarted. */
    private Duration recover(String fault, Step end) throws Exception {
        end.run();
        Instant begin = Instant.now();
        while (get("/v1/sites").status != 200 || get("/health/ready").status != 200) {
            assertTrue(Duration.between(begin, Instant.now()).compareTo(RECOVERY_LIMIT) < 0,
                    "not working again " + RECOVERY_LIMIT + " after the database was " + fault);
            Thread.sleep(250);
        }
        Duration took = Duration.between(begin, Instant.now());
        assertWorks();
        return took;
    }

    private void assertWorks() throws Exception {
        assertEquals(200, get("/v1/whoami").status);
        Answer sites = get("/v1/sites");
        assertEquals(200, sites.status, sites.body);
        assertTrue(sites.body.contains("\"before\""), sites.body);
        assertEquals(200, get("/health/ready").status);
    }

    /**
     * Every 200 ms the credential sync needs the database; an outage is still one line when it
     * starts and one when it ends, with no stack traces nor a pool warning per attempt. The log
     * is read until the last recovery line is there.
     */
    private void assertOneLinePerOutageInTheLog(int outages) throws Exception {
        Instant begin = Instant.now();
        String log = jar.log();
        while (count(log, "Credential change sync: database available again") < outages
                && Duration.between(begin, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0) {
            Thread.sleep(250);
            log = jar.log();
        }
        assertEquals(outages, count(log, "Credential change sync: database unavailable"), log);
        assertEquals(outages, count(log, "Credential change sync: database available again"), log);
        assertFalse(log.contains(PASSWORD), "the database password was logged");
        assertEquals(0, count(log, "RAR5038"), "the pool's per-connection warnings are not filtered out");
        assertEquals(0, count(log, "Local Exception Stack"), "EclipseLink logged a stack trace per failure");
    }

    private static int count(String text, String line) {
        return (int) Pattern.compile(Pattern.quote(line)).matcher(text).results().count();
    }

    private Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    private Answer send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(jar.url() + path))
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant begin = Instant.now();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers(),
                Duration.between(begin, Instant.now()));
    }

    private record Answer(int status, String body, java.net.http.HttpHeaders headers, Duration took) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
