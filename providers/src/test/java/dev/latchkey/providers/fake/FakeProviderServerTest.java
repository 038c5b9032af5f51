package dev.latchkey.providers.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeProviderServerTest {

    /** A provider whose token endpoint counts what it issued: the state a delay must not hold back. */
    private static final class CountingFake extends FakeProviderServer {
        private int issued;

        CountingFake() {
            super(0);
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("token-url", base() + "/token");
        }

        synchronized int issued() {
            return issued;
        }

        @Override
        protected void answer(FakeRequest request, FakeAnswer answer) {
            if (request.path().equals("/token")) {
                issued++;
            }
            answer.json(200, new JSONObject().put("path", request.path()));
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private CountingFake fake;

    @BeforeEach
    void start() {
        fake = new CountingFake();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aDelayedAnswerHasAlreadyActedWhenTheClientGivesUp() {
        fake.delay("/token", Duration.ofSeconds(3));
        assertThrows(HttpTimeoutException.class, () -> get("/token", Duration.ofMillis(300)));
        assertEquals(1, fake.issued());
    }

    @Test
    void aDelayedEndpointDoesNotHoldUpTheOthers() throws Exception {
        fake.delay("/token", Duration.ofSeconds(3));
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request("/token", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());
        long started = System.nanoTime();
        assertEquals(200, get("/user", Duration.ofSeconds(2)).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
        slow.cancel(true);
    }

    @Test
    void anAnswerScriptedForOneEndpointWaitsForThatEndpoint() throws Exception {
        fake.answerNext("/token", 503, "", Map.of());
        assertEquals(200, get("/user", Duration.ofSeconds(2)).statusCode());
        assertEquals(503, get("/token", Duration.ofSeconds(2)).statusCode());
        assertEquals(200, get("/token", Duration.ofSeconds(2)).statusCode());
        assertEquals(2, fake.calls("/token"));
        assertEquals(1, fake.issued(), "the scripted answer replaced the fake's own");
    }

    @Test
    void aScriptedAnswerCarriesItsHeaders() throws Exception {
        fake.answerNext("/token", 429, "{}", Map.of("Retry-After", "20"));
        HttpResponse<String> response = get("/token", Duration.ofSeconds(2));
        assertEquals(429, response.statusCode());
        assertEquals("20", response.headers().firstValue("Retry-After").orElseThrow());
    }

    private HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return http.send(request(path, timeout), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(fake.base() + path)).timeout(timeout).GET().build();
    }
}
