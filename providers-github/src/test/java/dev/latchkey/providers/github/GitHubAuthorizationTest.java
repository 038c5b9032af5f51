package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubAuthorizationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/v1/connections/github/callback");

    private FakeGitHub fake;
    private GitHubProvider provider;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGitHub();
        provider = fake.provider(new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void authorizationUrlCarriesClientIdRedirectStateAndSpaceSeparatedScopes() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("st-1", CALLBACK, List.of("repo", "read:org"), null));
        assertEquals("/login/oauth/authorize", url.getPath());
        Map<String, String> query = FakeGitHub.query(url.getRawQuery());
        assertEquals(FakeGitHub.CLIENT_ID, query.get("client_id"));
        assertEquals(CALLBACK.toString(), query.get("redirect_uri"));
        assertEquals("st-1", query.get("state"));
        assertEquals("repo read:org", query.get("scope"));
        assertFalse(query.containsKey("code_challenge"));
        assertFalse(query.containsKey("client_secret"));
    }

    @Test
    void authorizationUrlSendsTheS256ChallengeWhenGiven() {
        String challenge = Pkce.challenge(Pkce.newVerifier());
        URI url = provider.authorizationUrl(new AuthorizationRequest("st", CALLBACK, List.of(), challenge));
        Map<String, String> query = FakeGitHub.query(url.getRawQuery());
        assertEquals(challenge, query.get("code_challenge"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertFalse(query.containsKey("scope"), "no scope at all rather than an empty one");
    }

    @Test
    void authorizationUrlWithoutClientIdFailsClearly() {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.remove("client-id");
        GitHubProvider unconfigured = fake.provider(settings, new MutableClock(NOW));
        ProviderException e = assertThrows(ProviderException.class, () -> unconfigured.authorizationUrl(
                new AuthorizationRequest("s", CALLBACK, List.of(), null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("client-id"));
    }

    @Test
    void consentRedirectsBackWithCodeAndTheSameState() throws Exception {
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("xyz", CALLBACK, List.of("gist"), null)));
        assertEquals(CALLBACK.getPath(), callback.getPath());
        assertEquals("xyz", FakeGitHub.query(callback.getRawQuery()).get("state"));
        assertNotNull(FakeGitHub.code(callback));
    }

    @Test
    void oauthAppCodeExchangeGivesANonExpiringTokenWithCommaSeparatedGrantedScopes() throws Exception {
        String code = code(List.of("repo", "gist"), null);
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        assertTrue(tokens.accessToken().startsWith("gho_"));
        assertEquals(List.of("repo", "gist"), tokens.grantedScopes());
        assertNull(tokens.expiresAt());
        assertNull(tokens.refreshToken());
        assertEquals("bearer", tokens.tokenType());
        assertEquals(GitHubProvider.OAUTH_APP, tokens.extra(GitHubProvider.TOKEN_KIND));
        assertNull(tokens.extra(GitHubProvider.REFRESH_TOKEN_EXPIRES_AT));
        assertTrue(fake.live(tokens.accessToken()));
    }

    @Test
    void codeExchangeAsksForJsonAndAuthenticatesTheClientInTheBody() throws Exception {
        String code = code(List.of("repo"), null);
        provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        FakeRequest request = fake.last("/login/oauth/access_token");
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("Accept"));
        assertEquals(FakeGitHub.CLIENT_ID, request.form().get("client_id"));
        assertEquals(FakeGitHub.CLIENT_SECRET, request.form().get("client_secret"));
        assertEquals(code, request.form().get("code"));
        assertEquals(CALLBACK.toString(), request.form().get("redirect_uri"));
        assertNull(request.header("Authorization"));
        assertFalse(request.form().containsKey("code_verifier"));
    }

    @Test
    void grantedScopesAreWhatTheUserApprovedNotWhatWasRequested() throws Exception {
        fake.grantOnly(List.of("public_repo"));
        String code = code(List.of("repo", "user:email"), null);
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        assertEquals(List.of("public_repo"), tokens.grantedScopes());
    }

    @Test
    void pkceCodeExchangeSendsTheVerifierAndSucceeds() throws Exception {
        String verifier = Pkce.newVerifier();
        String code = code(List.of("repo"), Pkce.challenge(verifier));
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, CALLBACK, verifier));
        assertNotNull(tokens.accessToken());
        assertEquals(verifier, fake.last("/login/oauth/access_token").form().get("code_verifier"));
    }

    @Test
    void reusedCodeIsAnInvalidGrantAlthoughGithubAnswers200() throws Exception {
        String code = code(List.of(), null);
        provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, CALLBACK, null)));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertTrue(e.getMessage().contains("bad_verification_code"));
    }

    @Test
    void wrongClientSecretIsRejectedAlthoughGithubAnswers200() throws Exception {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("client-secret", "not-the-secret-at-all-0000000000000000");
        GitHubProvider wrong = fake.provider(settings, new MutableClock(NOW));
        String code = code(List.of(), null);
        ProviderException e = assertThrows(ProviderException.class,
                () -> wrong.exchangeCode(new CodeExchange(code, CALLBACK, null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("incorrect_client_credentials"));
    }

    @Test
    void redirectUriMismatchIsRejected() throws Exception {
        String code = code(List.of(), null);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                new CodeExchange(code, URI.create("http://127.0.0.1:9999/elsewhere"), null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("redirect_uri_mismatch"));
    }

    @Test
    void githubAppExpiringCodeExchangeGivesExpiryRefreshTokenAndItsLifetime() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        String code = code(List.of(), null);
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        assertTrue(tokens.accessToken().startsWith("ghu_"));
        assertTrue(tokens.refreshToken().startsWith("ghr_"));
        assertEquals(NOW.plus(Duration.ofHours(8)), tokens.expiresAt());
        assertEquals(List.of(), tokens.grantedScopes(), "GitHub App user tokens carry no OAuth scopes");
        assertEquals(GitHubProvider.GITHUB_APP_USER, tokens.extra(GitHubProvider.TOKEN_KIND));
        assertEquals(NOW.plusSeconds(15897600).toString(), tokens.extra(GitHubProvider.REFRESH_TOKEN_EXPIRES_AT));
    }

    @Test
    void githubAppWithExpirationDisabledGivesANonExpiringUserToken() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_NON_EXPIRING);
        String code = code(List.of(), null);
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        assertNull(tokens.expiresAt());
        assertNull(tokens.refreshToken());
        assertEquals(GitHubProvider.GITHUB_APP_USER, tokens.extra(GitHubProvider.TOKEN_KIND));
    }

    private String code(List<String> scopes, String challenge) throws Exception {
        return FakeGitHub.code(fake.consent(provider.authorizationUrl(
                new AuthorizationRequest("state", CALLBACK, scopes, challenge))));
    }
}
