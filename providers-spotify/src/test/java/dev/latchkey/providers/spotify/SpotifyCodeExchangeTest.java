package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyCodeExchangeTest {

    private FakeSpotify fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSpotify();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private record Pending(String code, String verifier) {
    }

    private Pending authorize(Provider provider, List<String> scopes) {
        String verifier = Pkce.newVerifier();
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, scopes,
                Pkce.challenge(verifier)));
        return new Pending(fake.consent(url, "smedjan").code(), verifier);
    }

    @Test
    void confidentialClientAuthenticatesWithBasicAndSendsVerifierAndRedirectUri() {
        Provider provider = fake.provider();
        Pending pending = authorize(provider, List.of("user-read-email"));
        provider.exchangeCode(new CodeExchange(pending.code(), FakeSpotify.REDIRECT_URI, pending.verifier()));
        FakeRequest request = fake.last("/api/token");
        assertEquals(OAuthHttp.basic(FakeSpotify.CLIENT_ID, FakeSpotify.CLIENT_SECRET), request.header("Authorization"));
        assertEquals("authorization_code", request.form().get("grant_type"));
        assertEquals(pending.code(), request.form().get("code"));
        assertEquals(FakeSpotify.REDIRECT_URI.toString(), request.form().get("redirect_uri"));
        assertEquals(pending.verifier(), request.form().get("code_verifier"));
        assertFalse(request.form().containsKey("client_secret"));
    }

    @Test
    void publicClientSendsClientIdInTheFormAndNoAuthorizationHeader() {
        Provider provider = fake.publicProvider();
        Pending pending = authorize(provider, List.of());
        TokenSet tokens = provider.exchangeCode(new CodeExchange(pending.code(), FakeSpotify.REDIRECT_URI, pending.verifier()));
        FakeRequest request = fake.last("/api/token");
        assertNull(request.header("Authorization"));
        assertEquals(FakeSpotify.CLIENT_ID, request.form().get("client_id"));
        assertFalse(request.form().containsKey("client_secret"));
        assertNotNull(tokens.refreshToken());
    }

    @Test
    void publicClientWithoutPkceIsRefusedBeforeAnyRequest() {
        ProviderException e = assertThrows(ProviderException.class, () -> fake.publicProvider()
                .exchangeCode(new CodeExchange("AQcode", FakeSpotify.REDIRECT_URI, null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(fake.seen().isEmpty());
    }

    @Test
    void confidentialClientWithoutPkceExchangesWithBasicOnly() {
        Provider provider = fake.provider();
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, List.of(), null));
        String code = fake.consent(url, "smedjan").code();
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, FakeSpotify.REDIRECT_URI, null));
        assertFalse(fake.last("/api/token").form().containsKey("code_verifier"));
        assertNotNull(tokens.accessToken());
    }

    @Test
    void tokenResponseBecomesATokenSetExpiringInAnHourWithGrantedScopes() {
        TokenSet tokens = fake.connect(fake.provider(), List.of("user-read-private", "user-read-email"));
        assertTrue(tokens.accessToken().startsWith("BQ"));
        assertTrue(tokens.refreshToken().startsWith("AQ"));
        assertEquals("Bearer", tokens.tokenType());
        assertEquals(FakeSpotify.NOW.plusSeconds(3600), tokens.expiresAt());
        assertEquals(List.of("user-read-private", "user-read-email"), tokens.grantedScopes());
    }

    @Test
    void extrasRecordWhenTheUserAuthorizedAndNothingVendorSpecificElse() {
        TokenSet tokens = fake.connect(fake.provider(), List.of());
        assertEquals(Map.of(SpotifyProvider.AUTHORIZED_AT, FakeSpotify.NOW.toString()), tokens.extras());
    }

    @Test
    void aWrongVerifierIsAnInvalidGrant() {
        Provider provider = fake.provider();
        Pending pending = authorize(provider, List.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                new CodeExchange(pending.code(), FakeSpotify.REDIRECT_URI, Pkce.newVerifier())));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
    }

    @Test
    void aCodeUsedTwiceIsAnInvalidGrant() {
        Provider provider = fake.provider();
        Pending pending = authorize(provider, List.of());
        CodeExchange exchange = new CodeExchange(pending.code(), FakeSpotify.REDIRECT_URI, pending.verifier());
        provider.exchangeCode(exchange);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(exchange));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertTrue(e.getMessage().contains("Invalid authorization code"), e.getMessage());
    }

    @Test
    void aDifferentRedirectUriIsAnInvalidGrant() {
        Provider provider = fake.provider();
        Pending pending = authorize(provider, List.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                new CodeExchange(pending.code(), URI.create("http://127.0.0.1:8080/v1/connections/callback/"),
                        pending.verifier())));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertTrue(e.getMessage().contains("Invalid redirect URI"), e.getMessage());
    }

    @Test
    void aWrongClientSecretIsRejectedNotAnInvalidGrant() {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("client-secret", "not-the-secret");
        Provider provider = FakeSpotify.provider(settings);
        Pending pending = authorize(provider, List.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                new CodeExchange(pending.code(), FakeSpotify.REDIRECT_URI, pending.verifier())));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
    }

    @Test
    void aSuccessWithoutAnAccessTokenIsRejected() {
        fake.answerNext(200, "{\"token_type\":\"Bearer\"}", Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> fake.provider()
                .exchangeCode(new CodeExchange("AQcode", FakeSpotify.REDIRECT_URI, "v")));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }
}
