package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubRefreshTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");

    private FakeGitHub fake;
    private MutableClock clock;
    private GitHubProvider provider;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGitHub();
        clock = new MutableClock(START);
        provider = fake.provider(clock);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void refreshRotatesBothTokensAndMovesBothExpiries() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet first = connect();
        clock.advance(Duration.ofHours(7));
        TokenSet second = provider.refresh(first);
        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertTrue(second.refreshToken().startsWith("ghr_"));
        assertEquals(START.plus(Duration.ofHours(15)), second.expiresAt());
        assertEquals(START.plus(Duration.ofHours(7)).plusSeconds(15897600).toString(),
                second.extra(GitHubProvider.REFRESH_TOKEN_EXPIRES_AT));
        assertEquals(GitHubProvider.GITHUB_APP_USER, second.extra(GitHubProvider.TOKEN_KIND));
    }

    @Test
    void refreshSendsGrantTypeRefreshTokenWithClientCredentialsAndAsksForJson() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet first = connect();
        provider.refresh(first);
        FakeRequest request = fake.last("/login/oauth/access_token");
        assertEquals("refresh_token", request.form().get("grant_type"));
        assertEquals(first.refreshToken(), request.form().get("refresh_token"));
        assertEquals(FakeGitHub.CLIENT_ID, request.form().get("client_id"));
        assertEquals(FakeGitHub.CLIENT_SECRET, request.form().get("client_secret"));
        assertEquals("application/json", request.header("Accept"));
    }

    @Test
    void theOldAccessTokenStopsWorkingAfterRotation() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet first = connect();
        TokenSet second = provider.refresh(first);
        assertFalse(fake.live(first.accessToken()));
        assertEquals(FakeGitHub.LOGIN, provider.account(second).name());
        assertThrows(ProviderException.class, () -> provider.account(first));
    }

    @Test
    void oauthAppTokenHasNothingToRefreshAndNoRequestIsMade() throws Exception {
        TokenSet tokens = connect();
        int before = fake.seen().size();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertEquals(before, fake.seen().size());
    }

    @Test
    void refreshKeepsTheOldRefreshTokenExpiryWhenGithubOmitsIt() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet first = connect();
        fake.next(200, "{\"access_token\":\"ghu_scripted\",\"expires_in\":28800,\"refresh_token\":\"ghr_scripted\","
                + "\"scope\":\"\",\"token_type\":\"bearer\"}", Map.of("Content-Type", "application/json"));
        TokenSet second = provider.refresh(first);
        assertEquals("ghr_scripted", second.refreshToken());
        assertEquals(first.extra(GitHubProvider.REFRESH_TOKEN_EXPIRES_AT), second.extra(GitHubProvider.REFRESH_TOKEN_EXPIRES_AT));
    }

    private TokenSet connect() throws Exception {
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of("repo"), null)));
        return provider.exchangeCode(new CodeExchange(FakeGitHub.code(callback), CALLBACK, null));
    }
}
