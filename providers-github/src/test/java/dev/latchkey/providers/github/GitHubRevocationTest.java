package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revoking one connection's token, the whole grant, and asking GitHub whether a token still works. */
class GitHubRevocationTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");

    private FakeGitHub fake;
    private GitHubProvider provider;

    @BeforeEach
    void start() {
        fake = new FakeGitHub();
        provider = fake.provider(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void revokeDeletesOnlyThisTokenWithBasicClientAuthAndTheTokenInAJsonBody() throws Exception {
        TokenSet tokens = connect();
        provider.revoke(tokens);
        FakeRequest request = fake.last(FakeGitHub.APP_TOKEN_PATH);
        assertEquals("DELETE", request.method());
        assertEquals(basic(), request.header("Authorization"));
        assertEquals(tokens.accessToken(), new JSONObject(request.body()).getString("access_token"));
        assertFalse(fake.live(tokens.accessToken()));
        assertEquals(0, fake.calls(FakeGitHub.GRANT_PATH), "the grant is left alone");
    }

    @Test
    void twoSitesConnectingTheSameAccountGetDistinctTokensAndRevokingOneLeavesTheOther() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet first = connect();
        TokenSet second = connect();
        assertNotEquals(first.accessToken(), second.accessToken());
        provider.revoke(first);
        assertFalse(fake.live(first.accessToken()));
        assertFalse(fake.liveRefreshToken(first.refreshToken()), "the revoked connection's refresh token dies with it");
        assertTrue(fake.live(second.accessToken()));
        assertEquals(FakeGitHub.LOGIN, provider.account(second).name());
        assertTrue(provider.refresh(second).accessToken().startsWith("ghu_"));
    }

    @Test
    void revokeAccountEndsEveryConnectionOfTheUser() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet first = connect();
        TokenSet second = connect();
        provider.revokeAccount(first);
        assertFalse(fake.live(second.accessToken()));
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.refresh(second)).reason());
    }

    @Test
    void revokingATokenGithubNoLongerKnowsCountsAsDone() throws Exception {
        TokenSet tokens = connect();
        provider.revoke(tokens);
        assertDoesNotThrow(() -> provider.revoke(tokens));
        assertDoesNotThrow(() -> provider.revokeAccount(tokens));
        assertEquals(2, fake.calls(FakeGitHub.APP_TOKEN_PATH));
    }

    @Test
    void revokeWithBadClientCredentialsIsRejectedNotDone() throws Exception {
        TokenSet tokens = connect();
        GitHubProvider wrong = withSecret("another-secret-entirely-000000000000000");
        assertEquals(ProviderException.Reason.REJECTED, assertThrows(ProviderException.class, () -> wrong.revoke(tokens)).reason());
        assertEquals(ProviderException.Reason.REJECTED,
                assertThrows(ProviderException.class, () -> wrong.revokeAccount(tokens)).reason());
        assertTrue(fake.live(tokens.accessToken()));
    }

    @Test
    void revokeAnswered422IsRejected() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(FakeGitHub.APP_TOKEN_PATH, 422, "{\"message\":\"Validation Failed\"}", Map.of());
        assertEquals(ProviderException.Reason.REJECTED, assertThrows(ProviderException.class, () -> provider.revoke(tokens)).reason());
    }

    @Test
    void revokeAnswered5xxIsUnavailable() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(FakeGitHub.APP_TOKEN_PATH, 502, "", Map.of());
        assertEquals(ProviderException.Reason.UNAVAILABLE,
                assertThrows(ProviderException.class, () -> provider.revoke(tokens)).reason());
    }

    @Test
    void validateChecksTheTokenWithPostAndBasicClientAuth() throws Exception {
        TokenSet tokens = connect();
        provider.validate(tokens);
        FakeRequest request = fake.last(FakeGitHub.APP_TOKEN_PATH);
        assertEquals("POST", request.method());
        assertEquals(basic(), request.header("Authorization"));
        assertEquals(tokens.accessToken(), new JSONObject(request.body()).getString("access_token"));
        assertTrue(fake.live(tokens.accessToken()), "checking does not revoke");
    }

    @Test
    void validateOfATokenTheUserRevokedIsAnInvalidGrant() throws Exception {
        TokenSet tokens = connect();
        fake.revokeAll();
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.validate(tokens)).reason());
    }

    @Test
    void validateWithBadClientCredentialsIsRejectedNotAnInvalidGrant() throws Exception {
        TokenSet tokens = connect();
        GitHubProvider wrong = withSecret("another-secret-entirely-000000000000000");
        assertEquals(ProviderException.Reason.REJECTED,
                assertThrows(ProviderException.class, () -> wrong.validate(tokens)).reason());
    }

    @Test
    void validateWhenGithubIsBusyIsRateLimitedOrUnavailable() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(FakeGitHub.APP_TOKEN_PATH, 429, "{\"message\":\"slow down\"}", Map.of("Retry-After", "20"));
        ProviderException limited = assertThrows(ProviderException.class, () -> provider.validate(tokens));
        assertEquals(ProviderException.Reason.RATE_LIMITED, limited.reason());
        assertEquals(Duration.ofSeconds(20), limited.retryAfter());
        fake.answerNext(FakeGitHub.APP_TOKEN_PATH, 503, "", Map.of());
        assertEquals(ProviderException.Reason.UNAVAILABLE,
                assertThrows(ProviderException.class, () -> provider.validate(tokens)).reason());
    }

    private TokenSet connect() throws Exception {
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of("repo"), null)));
        return provider.exchangeCode(new CodeExchange(FakeGitHub.code(callback), CALLBACK, null));
    }

    private GitHubProvider withSecret(String secret) {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("client-secret", secret);
        return fake.provider(settings, new MutableClock(Instant.now()));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (FakeGitHub.CLIENT_ID + ":" + FakeGitHub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }
}
