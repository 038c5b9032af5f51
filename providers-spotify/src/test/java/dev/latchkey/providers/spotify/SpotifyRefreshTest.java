package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyRefreshTest {

    private FakeSpotify fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSpotify();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRefreshWithoutRefreshTokenKeepsTheOldOneAndItKeepsWorking() {
        Provider provider = fake.provider();
        TokenSet first = fake.connect(provider, List.of("user-read-email"));
        TokenSet second = provider.refresh(first);
        assertEquals(first.refreshToken(), second.refreshToken());
        assertNotEquals(first.accessToken(), second.accessToken());
        TokenSet third = provider.refresh(second);
        assertEquals(first.refreshToken(), third.refreshToken());
    }

    @Test
    void aRotatedRefreshTokenReplacesTheOldOne() {
        Provider provider = fake.publicProvider();
        TokenSet first = fake.connect(provider, List.of());
        TokenSet second = provider.refresh(first);
        assertNotEquals(first.refreshToken(), second.refreshToken());
        TokenSet third = provider.refresh(second);
        assertNotEquals(second.refreshToken(), third.refreshToken());
        ProviderException stale = assertThrows(ProviderException.class, () -> provider.refresh(first));
        assertEquals(ProviderException.Reason.INVALID_GRANT, stale.reason());
    }

    @Test
    void confidentialClientRefreshesWithBasicAndTheRefreshToken() {
        Provider provider = fake.provider();
        TokenSet tokens = fake.connect(provider, List.of());
        provider.refresh(tokens);
        FakeRequest request = fake.last("/api/token");
        assertEquals(OAuthHttp.basic(FakeSpotify.CLIENT_ID, FakeSpotify.CLIENT_SECRET), request.header("Authorization"));
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()), request.form());
    }

    @Test
    void publicClientRefreshesWithClientIdInTheFormAndNoAuthorizationHeader() {
        Provider provider = fake.publicProvider();
        TokenSet tokens = fake.connect(provider, List.of());
        provider.refresh(tokens);
        FakeRequest request = fake.last("/api/token");
        assertNull(request.header("Authorization"));
        assertEquals(FakeSpotify.CLIENT_ID, request.form().get("client_id"));
    }

    @Test
    void theAuthorizationInstantSurvivesRefreshes() {
        Provider provider = fake.provider();
        TokenSet connected = fake.connect(provider, List.of());
        TokenSet authorizedEarlier = new TokenSet(connected.accessToken(), connected.refreshToken(),
                connected.tokenType(), connected.expiresAt(), connected.grantedScopes(),
                Map.of(SpotifyProvider.AUTHORIZED_AT, "2026-03-01T00:00:00Z"));
        TokenSet refreshed = provider.refresh(provider.refresh(authorizedEarlier));
        assertEquals("2026-03-01T00:00:00Z", refreshed.extra(SpotifyProvider.AUTHORIZED_AT));
        assertEquals(FakeSpotify.NOW.plusSeconds(3600), refreshed.expiresAt());
    }

    @Test
    void aRefreshResponseWithoutScopeKeepsTheGrantedScopes() {
        Provider provider = fake.provider();
        TokenSet tokens = fake.connect(provider, List.of("user-top-read", "user-follow-read"));
        fake.answerNext(200, "{\"access_token\":\"BQnew\",\"token_type\":\"Bearer\",\"expires_in\":3600}", Map.of());
        TokenSet refreshed = provider.refresh(tokens);
        assertEquals(List.of("user-top-read", "user-follow-read"), refreshed.grantedScopes());
        assertEquals(tokens.refreshToken(), refreshed.refreshToken());
    }

    @Test
    void aRefreshTokenPastItsSixMonthsIsAnInvalidGrant() {
        Provider provider = fake.provider();
        TokenSet tokens = fake.connect(provider, List.of());
        fake.sixMonthsPassed();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
    }

    @Test
    void aRefreshTokenRevokedByTheUserIsAnInvalidGrant() {
        Provider provider = fake.publicProvider();
        TokenSet tokens = fake.connect(provider, List.of());
        fake.userRemovedApp();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertTrue(e.getMessage().contains("Refresh token revoked"), e.getMessage());
    }

    @Test
    void noRefreshTokenIsAnInvalidGrantWithoutCallingSpotify() {
        TokenSet tokens = new TokenSet("BQx", null, "Bearer", Instant.EPOCH, List.of(), Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> fake.provider().refresh(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertTrue(fake.seen().isEmpty());
    }

    @Test
    void forcedRotationOnAConfidentialGrantIsAlsoKept() {
        Provider provider = fake.provider();
        TokenSet tokens = fake.connect(provider, List.of());
        fake.rotateRefreshTokens(true);
        TokenSet refreshed = provider.refresh(tokens);
        assertNotEquals(tokens.refreshToken(), refreshed.refreshToken());
        fake.rotateRefreshTokens(false);
        assertEquals(refreshed.refreshToken(), provider.refresh(refreshed).refreshToken());
    }
}
