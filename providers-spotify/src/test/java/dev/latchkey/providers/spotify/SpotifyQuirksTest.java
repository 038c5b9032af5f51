package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.testkit.FakeOAuthServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Spotify does beyond the standard: public PKCE clients, the authorization instant, Web API errors. */
class SpotifyQuirksTest {

    private static final URI REDIRECT = URI.create("https://latchkey.example/callback");
    private final FakeOAuthServer fake = new FakeOAuthServer("spotify-client", "spotify-secret-0123456789")
            .account("/v1/me", "{\"id\":\"ada\",\"display_name\":null}");

    @AfterEach
    void stop() {
        fake.close();
    }

    private Provider provider(String secret) {
        return new SpotifyProviderFactory().create(new ProviderConfig("spotify", Map.of(
                "client-id", "spotify-client", "client-secret", secret,
                "token-url", fake.url("/token"), "api-url", fake.url(""))), HttpClient.newHttpClient());
    }

    @Test
    void aPublicClientNamesItselfInTheFormAndNeedsPkce() {
        fake.checkClient(false);
        Provider publicClient = provider("");
        String verifier = Pkce.newVerifier();
        publicClient.exchangeCode(new CodeExchange(fake.issueCode(Pkce.challenge(verifier)), REDIRECT, verifier));
        FakeOAuthServer.Request request = fake.requests("/token").get(0);
        assertEquals("spotify-client", request.form().get("client_id"));
        assertNull(request.header("Authorization"));
        assertEquals(ProviderException.Reason.REJECTED, assertThrows(ProviderException.class,
                () -> publicClient.exchangeCode(new CodeExchange(fake.issueCode(null), REDIRECT, null))).reason());
        assertEquals(1, fake.requests("/token").size(), "refused before calling Spotify");
    }

    @Test
    void aConfidentialClientUsesBasicAndTheAuthorizationInstantSurvivesRefreshes() {
        fake.clientAuthentication(dev.latchkey.providers.ClientAuthentication.BASIC).refreshWithoutRefreshToken(true);
        Provider provider = provider("spotify-secret-0123456789");
        TokenSet tokens = provider.exchangeCode(new CodeExchange(fake.issueCode(null), REDIRECT, null));
        assertTrue(fake.requests("/token").get(0).header("Authorization").startsWith("Basic "));
        String authorizedAt = tokens.extra(SpotifyProvider.AUTHORIZED_AT);
        assertEquals(authorizedAt, provider.refresh(tokens).extra(SpotifyProvider.AUTHORIZED_AT));
        assertEquals("ada", provider.account(tokens).name(), "a user without a display name is named by the id");
    }

    @Test
    void aWebApiErrorObjectIsMappedByItsStatusAndMessage() {
        fake.checkClient(false);
        Provider provider = provider("spotify-secret-0123456789");
        TokenSet tokens = provider.exchangeCode(new CodeExchange(fake.issueCode(null), REDIRECT, null));
        fake.failNext(401, Map.of(), "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}");
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("The access token expired"), e.getMessage());
        assertFalse(e.getMessage().contains("{"), "the message is Spotify's text, not its JSON");
    }

    @Test
    void revocationIsUnsupportedAndNoRefreshTokenIsAnInvalidGrant() {
        Provider provider = provider("spotify-secret-0123456789");
        TokenSet none = new TokenSet("at", null, "bearer", null, java.util.List.of(), Map.of());
        assertThrows(UnsupportedOperationException.class, () -> provider.revoke(none));
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.refresh(none)).reason());
        assertFalse(new SpotifyProviderFactory().capabilities().revoke());
    }
}
