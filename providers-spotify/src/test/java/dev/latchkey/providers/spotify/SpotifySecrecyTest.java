package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SpotifySecrecyTest {

    private FakeSpotify fake;
    private Provider provider;
    private final List<String> texts = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSpotify();
        provider = fake.provider();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private void collect(Executable call) {
        Throwable thrown = assertThrows(Throwable.class, call);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            texts.add(t.getMessage());
            texts.add(t.toString());
        }
    }

    private void assertNoneContains(List<String> secrets) {
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text != null && text.contains(secret), "'" + text + "' contains a secret");
            }
        }
    }

    @Test
    void noExceptionMessageOrToStringContainsATokenCodeVerifierOrTheClientSecret() {
        String verifier = Pkce.newVerifier();
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, List.of(),
                Pkce.challenge(verifier)));
        String code = fake.consent(url, "smedjan").code();
        CodeExchange exchange = new CodeExchange(code, FakeSpotify.REDIRECT_URI, verifier);
        TokenSet tokens = provider.exchangeCode(exchange);
        collect(() -> provider.exchangeCode(exchange));

        Map<String, String> wrongSecret = new HashMap<>(fake.settings());
        wrongSecret.put("client-secret", FakeSpotify.CLIENT_SECRET + "x");
        collect(() -> FakeSpotify.provider(wrongSecret).refresh(tokens));

        fake.answerNext(400, FakeSpotify.oauthError("invalid_grant", "Invalid refresh token: " + tokens.refreshToken()), Map.of());
        collect(() -> provider.refresh(tokens));
        fake.answerNext(400, FakeSpotify.oauthError("invalid_client", "Invalid client secret " + FakeSpotify.CLIENT_SECRET), Map.of());
        collect(() -> provider.refresh(tokens));
        fake.answerNext(401, FakeSpotify.apiError(401, "Invalid access token " + tokens.accessToken()), Map.of());
        collect(() -> provider.account(tokens));
        fake.answerNext(400, FakeSpotify.oauthError("invalid_grant", "Invalid authorization code " + code), Map.of());
        collect(() -> provider.exchangeCode(exchange));
        fake.answerNext(429, "", Map.of("Retry-After", "3"));
        collect(() -> provider.account(tokens));
        fake.dropNext();
        collect(() -> provider.refresh(tokens));
        fake.sixMonthsPassed();
        collect(() -> provider.refresh(tokens));
        collect(() -> provider.account(tokens));
        collect(() -> provider.revoke(tokens));

        texts.add(tokens.toString());
        texts.add(exchange.toString());
        texts.add(provider.toString());
        texts.add(SpotifyClient.from(new ProviderConfig("spotify", fake.settings())).toString());
        assertNoneContains(List.of(tokens.accessToken(), tokens.refreshToken(), code, verifier, FakeSpotify.CLIENT_SECRET));
    }

    @Test
    void echoedCredentialsAreRedactedButTheRestOfTheDescriptionRemains() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.answerNext(400, FakeSpotify.oauthError("invalid_grant", "Invalid refresh token: " + tokens.refreshToken()), Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertTrue(e.getMessage().contains("Invalid refresh token: " + SpotifyErrors.REDACTED), e.getMessage());
    }

    @Test
    void theProviderDescribesItselfByClientIdOnly() {
        String text = provider.toString();
        assertTrue(text.contains(FakeSpotify.CLIENT_ID), text);
        assertFalse(text.contains(FakeSpotify.CLIENT_SECRET), text);
    }
}
