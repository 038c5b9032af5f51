package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyFailureTest {

    private FakeSpotify fake;
    private Provider provider;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSpotify();
        provider = fake.provider();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void tooManyRequestsOnRefreshIsRateLimitedForRetryAfterSeconds() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.answerNext(429, "", Map.of("Retry-After", "17"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(17), e.retryAfter());
    }

    @Test
    void tooManyRequestsOnTheWebApiIsRateLimitedForRetryAfterSeconds() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.answerNext(429, FakeSpotify.apiError(429, "API rate limit exceeded"), Map.of("Retry-After", "4"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(4), e.retryAfter());
    }

    @Test
    void tooManyRequestsWithoutRetryAfterHasNoWait() {
        fake.answerNext(429, "", Map.of());
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange("AQcode", FakeSpotify.REDIRECT_URI, "v")));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertNull(e.retryAfter());
    }

    @Test
    void aServerErrorAtTheTokenEndpointIsUnavailable() {
        fake.answerNext(503, "upstream connect error", Map.of("Content-Type", "text/plain"));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange("AQcode", FakeSpotify.REDIRECT_URI, "v")));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void aServerErrorOnTheWebApiIsUnavailable() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.answerNext(502, FakeSpotify.apiError(502, "Bad gateway."), Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void aDroppedConnectionIsUnavailable() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.dropNext();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void anUnreachableTokenEndpointIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("token-url", "http://127.0.0.1:" + closedPort + "/api/token");
        ProviderException e = assertThrows(ProviderException.class, () -> FakeSpotify.provider(settings)
                .exchangeCode(new CodeExchange("AQcode", FakeSpotify.REDIRECT_URI, "v")));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void anUnknownClientIsRejected() {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("client-id", "someone-else");
        settings.remove("client-secret");
        ProviderException e = assertThrows(ProviderException.class, () -> FakeSpotify.provider(settings)
                .exchangeCode(new CodeExchange("AQcode", FakeSpotify.REDIRECT_URI, "v")));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("Invalid client"), e.getMessage());
    }

    @Test
    void revokeIsUnsupportedAndNeverCallsSpotify() {
        TokenSet tokens = fake.connect(provider, List.of());
        int before = fake.seen().size();
        assertThrows(UnsupportedOperationException.class, () -> provider.revoke(tokens));
        assertEquals(before, fake.seen().size());
    }
}
