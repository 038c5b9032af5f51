package dev.latchkey.providers.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceProviderTest {

    private static final URI REDIRECT = URI.create("https://latchkey.example/callback/salesforce");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FakeSalesforce fake;
    private Provider provider;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSalesforce();
        provider = create(Map.of());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Provider create(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", FakeSalesforce.CLIENT_ID);
        values.put("client-secret", FakeSalesforce.CLIENT_SECRET);
        values.put("login-url", fake.baseUrl());
        values.putAll(overrides);
        return new SalesforceProviderFactory().create(new ProviderConfig("salesforce", values), HTTP);
    }

    /** Walks the authorize endpoint of the fake like a browser would and returns the code. */
    private String authorize(List<String> scopes, String verifier) throws Exception {
        URI url = provider.authorizationUrl(new AuthorizationRequest("st4te", REDIRECT, scopes,
                verifier == null ? null : Pkce.challenge(verifier)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> callback = FakeSalesforce.query(location);
        assertEquals("st4te", callback.get("state"));
        return callback.get("code");
    }

    private TokenSet connect() throws Exception {
        String verifier = Pkce.newVerifier();
        return provider.exchangeCode(new CodeExchange(authorize(List.of("api", "refresh_token"), verifier), REDIRECT, verifier));
    }

    @Test
    void authorizationUrlCarriesClientRedirectSpaceSeparatedScopesStateAndS256Challenge() {
        String challenge = Pkce.challenge(Pkce.newVerifier());
        URI url = provider.authorizationUrl(new AuthorizationRequest("abc", REDIRECT, List.of("api", "refresh_token", "id"), challenge));

        assertEquals(fake.baseUrl() + "/services/oauth2/authorize", url.getScheme() + "://" + url.getAuthority() + url.getPath());
        Map<String, String> query = FakeSalesforce.query(url);
        assertEquals("code", query.get("response_type"));
        assertEquals(FakeSalesforce.CLIENT_ID, query.get("client_id"));
        assertEquals(REDIRECT.toString(), query.get("redirect_uri"));
        assertEquals("api refresh_token id", query.get("scope"));
        assertEquals("abc", query.get("state"));
        assertEquals(challenge, query.get("code_challenge"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertFalse(url.toString().contains(FakeSalesforce.CLIENT_SECRET));
    }

    @Test
    void authorizationUrlWithoutChallengeOrScopesOmitsThoseParameters() {
        Map<String, String> query = FakeSalesforce.query(
                provider.authorizationUrl(new AuthorizationRequest("abc", REDIRECT, List.of(), null)));
        assertFalse(query.containsKey("code_challenge"));
        assertFalse(query.containsKey("code_challenge_method"));
        assertFalse(query.containsKey("scope"));
    }

    @Test
    void codeExchangeReturnsTokensWithExpiryFromIssuedAtAndKeepsInstanceAndIdentityUrls() throws Exception {
        TokenSet tokens = connect();

        assertTrue(tokens.accessToken().startsWith(FakeSalesforce.ORG_ID + "!"));
        assertNotNull(tokens.refreshToken());
        assertEquals("Bearer", tokens.tokenType());
        assertEquals(List.of("api", "refresh_token"), tokens.grantedScopes());
        assertEquals(Instant.ofEpochMilli(fake.lastIssuedAt()).plus(Duration.ofHours(2)), tokens.expiresAt());
        assertEquals(fake.instanceUrl(), tokens.extra("instance_url"));
        assertEquals(fake.identityUrl(), tokens.extra("id"));
        assertFalse(tokens.extras().containsKey("signature"));
        assertFalse(tokens.extras().containsKey("issued_at"));
    }

    @Test
    void codeExchangeSendsClientCredentialsRedirectAndVerifierInTheFormBody() throws Exception {
        String verifier = Pkce.newVerifier();
        provider.exchangeCode(new CodeExchange(authorize(List.of("api", "refresh_token"), verifier), REDIRECT, verifier));

        FakeRequest request = fake.received("/services/oauth2/token").get(0);
        assertEquals("POST", request.method());
        assertEquals("authorization_code", request.form().get("grant_type"));
        assertEquals(FakeSalesforce.CLIENT_ID, request.form().get("client_id"));
        assertEquals(FakeSalesforce.CLIENT_SECRET, request.form().get("client_secret"));
        assertEquals(REDIRECT.toString(), request.form().get("redirect_uri"));
        assertEquals(verifier, request.form().get("code_verifier"));
        assertFalse((request.header("authorization") != null));
        assertEquals("application/json", request.header("accept"));
    }

    @Test
    void configuredSessionLifetimeSetsTheExpiryEstimate() throws Exception {
        provider = create(Map.of("session-lifetime-seconds", "900"));
        TokenSet tokens = connect();
        assertEquals(Instant.ofEpochMilli(fake.lastIssuedAt()).plusSeconds(900), tokens.expiresAt());
    }

    @Test
    void withoutRefreshTokenScopeNoRefreshTokenIsIssuedAndRefreshFailsWithoutACall() throws Exception {
        String verifier = Pkce.newVerifier();
        TokenSet tokens = provider.exchangeCode(new CodeExchange(authorize(List.of("api"), verifier), REDIRECT, verifier));
        assertNull(tokens.refreshToken());

        int calls = fake.received().size();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        assertEquals(calls, fake.received().size());
    }

    @Test
    void publicClientSendsNoClientSecret() throws Exception {
        fake.publicClient();
        provider = create(Map.of("client-secret", ""));
        TokenSet tokens = connect();

        assertNotNull(tokens.accessToken());
        assertFalse(fake.received("/services/oauth2/token").get(0).form().containsKey("client_secret"));
    }

    @Test
    void missingVerifierAfterAChallengeIsAnInvalidGrant() throws Exception {
        String code = authorize(List.of("api"), Pkce.newVerifier());
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, REDIRECT, null)));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
    }

    @Test
    void redirectUriDifferentFromTheAuthorizeRequestIsRejected() throws Exception {
        String verifier = Pkce.newVerifier();
        String code = authorize(List.of("api"), verifier);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                new CodeExchange(code, URI.create("https://elsewhere.example/cb"), verifier)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("redirect_uri_mismatch"), e.getMessage());
    }

    @Test
    void wrongClientSecretIsRejected() throws Exception {
        provider = create(Map.of("client-secret", "not-the-secret"));
        String code = fake.approve(REDIRECT.toString(), null, "api");
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, REDIRECT, null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
    }

    @Test
    void unknownClientIdIsRejected() throws Exception {
        provider = create(Map.of("client-id", "3MVG9unknown"));
        String code = fake.approve(REDIRECT.toString(), null, "api");
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, REDIRECT, null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("invalid_client_id"), e.getMessage());
    }

    @Test
    void refreshWithoutRotationKeepsTheOldRefreshTokenAndRestartsTheExpiry() throws Exception {
        TokenSet first = connect();
        long firstIssuedAt = fake.lastIssuedAt();
        Thread.sleep(5);
        TokenSet refreshed = provider.refresh(first);

        assertNotEquals(first.accessToken(), refreshed.accessToken());
        assertEquals(first.refreshToken(), refreshed.refreshToken());
        assertNotEquals(firstIssuedAt, fake.lastIssuedAt());
        assertEquals(Instant.ofEpochMilli(fake.lastIssuedAt()).plus(Duration.ofHours(2)), refreshed.expiresAt());
        FakeRequest request = fake.received("/services/oauth2/token").get(1);
        assertEquals("refresh_token", request.form().get("grant_type"));
        assertEquals(first.refreshToken(), request.form().get("refresh_token"));
        assertEquals(FakeSalesforce.CLIENT_ID, request.form().get("client_id"));
        assertEquals(FakeSalesforce.CLIENT_SECRET, request.form().get("client_secret"));
        assertTrue(fake.refreshTokenValid(refreshed.refreshToken()));
    }

    @Test
    void refreshUpdatesAMovedInstanceUrl() throws Exception {
        TokenSet first = connect();
        fake.moveInstance("/na2");
        TokenSet refreshed = provider.refresh(first);

        assertEquals(fake.baseUrl() + "/na2", refreshed.extra("instance_url"));
        assertEquals(fake.identityUrl(), refreshed.extra("id"));
    }

    @Test
    void refreshKeepsExtrasAndScopesTheResponseLeavesOut() throws Exception {
        TokenSet first = connect();
        fake.answerNext(200, Map.of(), "{\"access_token\":\"00Dxx!AQnew\",\"token_type\":\"Bearer\",\"issued_at\":\""
                + (System.currentTimeMillis() - 1000) + "\"}");
        TokenSet refreshed = provider.refresh(first);

        assertEquals("00Dxx!AQnew", refreshed.accessToken());
        assertEquals(first.extra("instance_url"), refreshed.extra("instance_url"));
        assertEquals(first.grantedScopes(), refreshed.grantedScopes());
        assertEquals(first.refreshToken(), refreshed.refreshToken());
    }

    @Test
    void salesforceLoginRateLimitErrorIsRateLimited() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(400, Map.of(), "{\"error\":\"rate_limit_exceeded\",\"error_description\":\"ip/user login rate exceeded\"}");
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
    }

    @Test
    void unreachableLoginHostIsUnavailable() throws Exception {
        TokenSet tokens = connect();
        fake.close();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void accountReadsTheIdentityUrlWithTheBearerToken() throws Exception {
        TokenSet tokens = connect();
        Account account = provider.account(tokens);

        assertEquals(new Account(FakeSalesforce.USER_ID, FakeSalesforce.USERNAME), account);
        FakeRequest request = fake.received("/id/" + FakeSalesforce.ORG_ID + "/" + FakeSalesforce.USER_ID).get(0);
        assertEquals("Bearer " + tokens.accessToken(), request.header("authorization"));
    }

    @Test
    void accountFallsBackToTheInstanceUserinfoWithoutAnIdentityUrl() throws Exception {
        TokenSet connected = connect();
        Map<String, String> extras = new HashMap<>(connected.extras());
        extras.remove("id");
        TokenSet tokens = new TokenSet(connected.accessToken(), connected.refreshToken(), connected.tokenType(),
                connected.expiresAt(), connected.grantedScopes(), extras);

        assertEquals(new Account(FakeSalesforce.USER_ID, FakeSalesforce.USERNAME), provider.account(tokens));
        assertEquals(1, fake.received("/na1/services/oauth2/userinfo").size());
    }

    @Test
    void accountNeverSendsTheTokenToAPlainHttpHostOtherThanTheLoginHost() throws Exception {
        TokenSet connected = connect();
        Map<String, String> extras = new HashMap<>(connected.extras());
        extras.put("id", "http://203.0.113.9/id/" + FakeSalesforce.ORG_ID + "/" + FakeSalesforce.USER_ID);
        TokenSet tokens = new TokenSet(connected.accessToken(), connected.refreshToken(), connected.tokenType(),
                connected.expiresAt(), connected.grantedScopes(), extras);

        assertEquals(FakeSalesforce.USER_ID, provider.account(tokens).id());
        assertEquals(1, fake.received("/na1/services/oauth2/userinfo").size());
    }

    @Test
    void accountWithoutAnyUrlInExtrasUsesTheLoginHostUserinfo() throws Exception {
        TokenSet connected = connect();
        TokenSet tokens = new TokenSet(connected.accessToken(), null, "Bearer", null, List.of(), Map.of());

        assertEquals(FakeSalesforce.USER_ID, provider.account(tokens).id());
        assertEquals(1, fake.received("/services/oauth2/userinfo").size());
    }

    @Test
    void accountWithADeadAccessTokenIsRejected() throws Exception {
        TokenSet tokens = connect();
        provider.revoke(tokens);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }

    @Test
    void revokePostsTheRefreshTokenAsAForm() throws Exception {
        TokenSet tokens = connect();
        provider.revoke(tokens);

        List<FakeRequest> requests = fake.received("/services/oauth2/revoke");
        assertEquals(1, requests.size());
        assertEquals("POST", requests.get(0).method());
        assertEquals(Map.of("token", tokens.refreshToken()), requests.get(0).form());
        assertFalse(fake.refreshTokenValid(tokens.refreshToken()));
    }

    @Test
    void revokeWithoutRefreshTokenRevokesTheAccessToken() throws Exception {
        String verifier = Pkce.newVerifier();
        TokenSet tokens = provider.exchangeCode(new CodeExchange(authorize(List.of("api"), verifier), REDIRECT, verifier));
        provider.revoke(tokens);

        assertEquals(Map.of("token", tokens.accessToken()), fake.received("/services/oauth2/revoke").get(0).form());
        assertThrows(ProviderException.class, () -> provider.account(tokens));
    }

    @Test
    void revokingAnAlreadyRevokedGrantSucceedsAfterTryingTheAccessTokenToo() throws Exception {
        TokenSet tokens = connect();
        provider.revoke(tokens);
        provider.revoke(tokens);

        List<FakeRequest> requests = fake.received("/services/oauth2/revoke");
        assertEquals(3, requests.size());
        assertEquals(tokens.accessToken(), requests.get(2).form().get("token"));
    }

    @Test
    void revokeAnsweredWithUnsupportedTokenTypeIsRejected() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(400, Map.of(), "{\"error\":\"unsupported_token_type\"}");
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revoke(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }

    @Test
    void revokeServerErrorIsUnavailable() throws Exception {
        TokenSet tokens = connect();
        fake.answerNext(500, Map.of(), "");
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revoke(tokens));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }
}
