package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knobs the app's integration tests use on the GitHub fake. */
class FakeGitHubTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");

    private FakeGitHub fake;
    private GitHubProvider provider;

    @BeforeEach
    void start() {
        fake = new FakeGitHub();
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        provider = fake.provider(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aClientThatGivesUpDuringTheTokenDelayHasLostTheRotatedToken() throws Exception {
        TokenSet tokens = connect();
        fake.tokenDelay(Duration.ofSeconds(3));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", FakeGitHub.CLIENT_ID);
        form.put("client_secret", FakeGitHub.CLIENT_SECRET);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", tokens.refreshToken());
        HttpRequest refresh = HttpRequest.newBuilder(URI.create(fake.base() + FakeGitHub.TOKEN_PATH))
                .timeout(Duration.ofMillis(300)).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OAuthHttp.formEncode(form))).build();
        assertThrows(HttpTimeoutException.class,
                () -> HttpClient.newHttpClient().send(refresh, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, fake.refreshes());
        assertFalse(fake.liveRefreshToken(tokens.refreshToken()), "the fake rotated before answering");
        fake.tokenDelay(Duration.ZERO);
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.refresh(tokens)).reason());
    }

    @Test
    void theApiAnswersWhileTheTokenEndpointIsDelayed() throws Exception {
        TokenSet refreshed = connect();
        TokenSet other = connect();
        fake.tokenDelay(Duration.ofSeconds(2));
        Thread slow = new Thread(() -> provider.refresh(refreshed));
        slow.start();
        while (fake.refreshes() < 1) {
            Thread.sleep(10);
        }
        long started = System.nanoTime();
        provider.validate(other);
        assertEquals(FakeGitHub.LOGIN, provider.account(other).name());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0,
                "a delayed token answer holds no lock");
        slow.join();
    }

    @Test
    void aScriptedTokenAnswerIsNotConsumedByAnApiCall() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(FakeGitHub.TOKEN_PATH, 429, "", Map.of("Retry-After", "20"));
        provider.account(tokens);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(20), e.retryAfter());
    }

    @Test
    void revokeAllEndsEveryTokenIssuedSoFar() throws Exception {
        TokenSet first = connect();
        TokenSet second = connect();
        fake.revokeAll();
        assertFalse(fake.live(first.accessToken()));
        assertFalse(fake.live(second.accessToken()));
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.refresh(second)).reason());
        assertEquals(ProviderException.Reason.REJECTED,
                assertThrows(ProviderException.class, () -> provider.account(first)).reason());
    }

    @Test
    void aFakeOnAFixedPortServesThere() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (FakeGitHub fixed = new FakeGitHub(port)) {
            assertEquals(URI.create("http://127.0.0.1:" + port), fixed.base());
            assertEquals("http://127.0.0.1:" + port + FakeGitHub.TOKEN_PATH, fixed.settings().get("token-url"));
        }
    }

    private TokenSet connect() throws Exception {
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of(), null)));
        return provider.exchangeCode(new CodeExchange(FakeGitHub.code(callback), CALLBACK, null));
    }
}
