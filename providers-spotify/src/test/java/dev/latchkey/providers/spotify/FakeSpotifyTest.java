package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knobs the app's integration tests use on the Spotify fake. */
class FakeSpotifyTest {

    private static final URI LATCHKEY_CALLBACK = URI.create("http://127.0.0.1:18080/v1/connections/callback");

    private FakeSpotify fake;
    private Provider provider;

    @BeforeEach
    void start() {
        fake = new FakeSpotify();
        provider = fake.provider();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void consentToARegisteredRedirectUriReturnsACallbackWhoseCodeExchanges() {
        fake.registerRedirectUri(LATCHKEY_CALLBACK);
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("st", LATCHKEY_CALLBACK, List.of(), null)));
        Map<String, String> query = FakeSpotify.parseForm(callback.getRawQuery());
        assertTrue(callback.toString().startsWith(LATCHKEY_CALLBACK + "?"));
        assertEquals("st", query.get("state"));
        TokenSet tokens = provider.exchangeCode(new CodeExchange(query.get("code"), LATCHKEY_CALLBACK, null));
        assertTrue(fake.live(tokens.accessToken()));
    }

    @Test
    void revokeAllEndsEveryAccessAndRefreshTokenIssuedSoFar() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.revokeAll();
        assertFalse(fake.live(tokens.accessToken()));
        assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.refresh(tokens)).reason());
        assertTrue(fake.live(fake.connect(provider, List.of()).accessToken()), "a new authorization works again");
    }

    @Test
    void rotationCanBeSwitchedOnForAConfidentialClient() {
        fake.rotateRefreshTokens(true);
        TokenSet first = fake.connect(provider, List.of());
        TokenSet second = provider.refresh(first);
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(1, fake.refreshes());
    }

    @Test
    void aScriptedTokenAnswerIsNotConsumedByAnApiCall() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.answerNext(FakeSpotify.TOKEN_PATH, 429, "", Map.of("Retry-After", "20"));
        provider.account(tokens);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(20), e.retryAfter());
        assertEquals(1, fake.calls(FakeSpotify.ME_PATH));
    }
}
