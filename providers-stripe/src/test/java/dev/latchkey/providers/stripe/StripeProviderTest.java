package dev.latchkey.providers.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ProviderException.Reason;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeProviderTest {

    private static final URI CALLBACK = URI.create("https://latchkey.example/connections/stripe/callback");
    private static final String ACCOUNT = "acct_1RocketRides";

    private FakeStripe stripe;
    private Provider provider;

    @BeforeEach
    void start() throws IOException {
        stripe = new FakeStripe();
        provider = stripe.provider();
        stripe.addAccount(new JSONObject().put("id", ACCOUNT).put("object", "account")
                .put("email", "owner@rocketrides.example")
                .put("business_profile", new JSONObject().put("name", "Rocket Rides"))
                .put("settings", new JSONObject().put("dashboard", new JSONObject().put("display_name", "Rocket Rides HQ"))));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private TokenSet connect() {
        return provider.exchangeCode(new CodeExchange(stripe.issueCode(ACCOUNT, "read_write"), CALLBACK, null));
    }

    private Map<String, String> query(URI url) {
        return FakeStripe.parseForm(url.getRawQuery());
    }

    // Authorization URL

    @Test
    void authorizationUrlCarriesResponseTypeClientIdScopeRedirectAndState() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("st-123", CALLBACK, List.of("read_write"), null));
        assertEquals(stripe.base() + "/oauth/authorize", url.toString().substring(0, url.toString().indexOf('?')));
        assertEquals(Map.of("response_type", "code", "client_id", FakeStripe.CLIENT_ID, "scope", "read_write",
                "redirect_uri", CALLBACK.toString(), "state", "st-123"), query(url));
    }

    @Test
    void authorizationUrlOmitsCodeChallengeBecauseStripeConnectHasNoPkce() {
        String challenge = Pkce.challenge(Pkce.newVerifier());
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of("read_write"), challenge));
        assertFalse(query(url).containsKey("code_challenge"));
        assertFalse(query(url).containsKey("code_challenge_method"));
        assertFalse(url.toString().contains(challenge));
    }

    @Test
    void authorizationUrlAsksForReadWriteWhenNoScopeIsNamedRatherThanStripesReadOnlyDefault() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of(), null));
        assertEquals("read_write", query(url).get("scope"));
    }

    @Test
    void authorizationUrlSendsASingleScopeWithReadWriteWinningOverReadOnly() {
        URI both = provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of("read_only", "read_write"), null));
        assertEquals("read_write", query(both).get("scope"));
        URI readOnly = provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of("read_only"), null));
        assertEquals("read_only", query(readOnly).get("scope"));
    }

    @Test
    void authorizationUrlRejectsAScopeOutsideTheCatalog() {
        ProviderException e = assertThrows(ProviderException.class, () -> provider.authorizationUrl(
                new AuthorizationRequest("s", CALLBACK, List.of("customer_read"), null)));
        assertEquals(Reason.REJECTED, e.reason());
    }

    // Code exchange

    @Test
    void exchangeSendsOnlyGrantTypeCodeAndTheSecretKeyInTheBody() {
        String code = stripe.issueCode(ACCOUNT, "read_write");
        provider.exchangeCode(new CodeExchange(code, CALLBACK, "some-verifier"));
        FakeRequest request = stripe.last("/oauth/token");
        assertEquals("POST", request.method());
        assertEquals(Map.of("grant_type", "authorization_code", "code", code, "client_secret", FakeStripe.SECRET_KEY),
                request.form());
        assertNull(request.header("Authorization"));
    }

    @Test
    void exchangeKeepsStripeUserIdLivemodeAndPublishableKeyInExtras() {
        TokenSet tokens = connect();
        assertEquals(ACCOUNT, tokens.extra(StripeProvider.STRIPE_USER_ID));
        assertEquals("false", tokens.extra(StripeProvider.LIVEMODE));
        assertEquals("pk_test_" + ACCOUNT, tokens.extra(StripeProvider.PUBLISHABLE_KEY));
        assertEquals(Set.of("stripe_user_id", "livemode", "stripe_publishable_key"), tokens.extras().keySet());
    }

    @Test
    void exchangeYieldsNonExpiringBearerTokensWithGrantedScopeAndRefreshToken() {
        TokenSet tokens = provider.exchangeCode(new CodeExchange(stripe.issueCode(ACCOUNT, "read_only"), CALLBACK, null));
        assertTrue(tokens.accessToken().startsWith("sk_test_conn"));
        assertTrue(tokens.refreshToken().startsWith("rt_"));
        assertEquals("bearer", tokens.tokenType());
        assertNull(tokens.expiresAt());
        assertEquals(List.of("read_only"), tokens.grantedScopes());
    }

    @Test
    void exchangingACodeTwiceIsInvalidGrantAndStripeRevokesTheConnection() {
        String code = stripe.issueCode(ACCOUNT, "read_write");
        TokenSet first = provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, CALLBACK, null)));
        assertEquals(Reason.INVALID_GRANT, e.reason());
        assertFalse(stripe.isConnected(ACCOUNT));
        assertEquals(Reason.INVALID_GRANT, assertThrows(ProviderException.class, () -> provider.refresh(first)).reason());
    }

    @Test
    void exchangeIsNotRetriedAfterA5xx() {
        String code = stripe.issueCode(ACCOUNT, "read_write");
        stripe.answerNext(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}", Map.of());
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, CALLBACK, null)));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals(1, stripe.seen("/oauth/token").size());
    }

    @Test
    void exchangeIsNotRetriedAfterTheConnectionDrops() {
        String code = stripe.issueCode(ACCOUNT, "read_write");
        stripe.dropNext();
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(code, CALLBACK, null)));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals(1, stripe.seen("/oauth/token").size());
    }

    @Test
    void exchangeWithTheWrongSecretKeyIsRejected() {
        Map<String, String> settings = stripe.settings();
        settings.put("client-secret", "sk_test_someoneElse");
        ProviderException e = assertThrows(ProviderException.class, () -> FakeStripe.provider(settings)
                .exchangeCode(new CodeExchange(stripe.issueCode(ACCOUNT, "read_write"), CALLBACK, null)));
        assertEquals(Reason.REJECTED, e.reason());
    }

    @Test
    void invalidRequestFromTheTokenEndpointIsRejected() {
        stripe.answerNext(400, "{\"error\":\"invalid_request\",\"error_description\":\"No grant type specified\"}", Map.of());
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(stripe.issueCode(ACCOUNT, "read_write"), CALLBACK, null)));
        assertEquals(Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("No grant type specified"), e.getMessage());
    }

    @Test
    void tokenResponseWithoutStripeUserIdIsRejected() {
        stripe.answerNext(200, "{\"access_token\":\"sk_test_x\",\"token_type\":\"bearer\",\"scope\":\"read_write\"}", Map.of());
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange(stripe.issueCode(ACCOUNT, "read_write"), CALLBACK, null)));
        assertEquals(Reason.REJECTED, e.reason());
    }

    // Refresh

    @Test
    void refreshUsesTheRefreshTokenGrantWithTheSecretKeyInTheBody() {
        TokenSet tokens = connect();
        provider.refresh(tokens);
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken(),
                "client_secret", FakeStripe.SECRET_KEY), stripe.last("/oauth/token").form());
    }

    @Test
    void refreshKeepsExtrasScopesAndNoExpiry() {
        TokenSet second = provider.refresh(connect());
        assertEquals(ACCOUNT, second.extra(StripeProvider.STRIPE_USER_ID));
        assertEquals("false", second.extra(StripeProvider.LIVEMODE));
        assertEquals(List.of("read_write"), second.grantedScopes());
        assertNull(second.expiresAt());
    }

    @Test
    void refreshWithoutARefreshTokenIsRejectedWithoutCallingStripe() {
        TokenSet tokens = connect();
        int calls = stripe.seen("/oauth/token").size();
        TokenSet without = new TokenSet(tokens.accessToken(), null, "bearer", null, tokens.grantedScopes(), tokens.extras());
        assertEquals(Reason.REJECTED, assertThrows(ProviderException.class, () -> provider.refresh(without)).reason());
        assertEquals(calls, stripe.seen("/oauth/token").size());
    }

    // Revoke the account (deauthorize)

    @Test
    void revokeAccountDeauthorizesWithClientIdAndStripeUserIdUsingThePlatformKey() {
        TokenSet tokens = connect();
        provider.revokeAccount(tokens);
        FakeRequest request = stripe.last("/oauth/deauthorize");
        assertEquals("POST", request.method());
        assertEquals(Map.of("client_id", FakeStripe.CLIENT_ID, "stripe_user_id", ACCOUNT), request.form());
        assertEquals("Bearer " + FakeStripe.SECRET_KEY, request.header("Authorization"));
        assertFalse(stripe.isConnected(ACCOUNT));
    }

    @Test
    void revokeAccountOfAnAlreadyDisconnectedAccountSucceeds() {
        TokenSet tokens = connect();
        provider.revokeAccount(tokens);
        provider.revokeAccount(tokens);
        assertEquals(2, stripe.seen("/oauth/deauthorize").size());
    }

    @Test
    void revokeAccountWithTheWrongPlatformKeyIsRejected() {
        TokenSet tokens = connect();
        Map<String, String> settings = stripe.settings();
        settings.put("client-secret", "sk_test_someoneElse");
        ProviderException e = assertThrows(ProviderException.class, () -> FakeStripe.provider(settings).revokeAccount(tokens));
        assertEquals(Reason.REJECTED, e.reason());
        assertTrue(stripe.isConnected(ACCOUNT));
    }

    @Test
    void revokeAccountWithoutStripeUserIdIsRejectedWithoutCallingStripe() {
        TokenSet tokens = new TokenSet("sk_test_x", "rt_x", "bearer", null, List.of("read_write"), Map.of());
        assertEquals(Reason.REJECTED, assertThrows(ProviderException.class, () -> provider.revokeAccount(tokens)).reason());
        assertTrue(stripe.seen("/oauth/deauthorize").isEmpty());
    }

    @Test
    void revokeAccountDuringAStripeOutageIsUnavailable() {
        TokenSet tokens = connect();
        stripe.answerNext(502, "", Map.of());
        assertEquals(Reason.UNAVAILABLE, assertThrows(ProviderException.class, () -> provider.revokeAccount(tokens)).reason());
    }

    // Account

    @Test
    void accountIsReadWithThePlatformKeyOnBehalfOfTheConnectedAccount() {
        Account account = provider.account(connect());
        assertEquals(new Account(ACCOUNT, "Rocket Rides"), account);
        FakeRequest request = stripe.last("/v1/account");
        assertEquals("GET", request.method());
        assertEquals("Bearer " + FakeStripe.SECRET_KEY, request.header("Authorization"));
        assertEquals(ACCOUNT, request.header("Stripe-Account"));
    }

    @Test
    void accountNameFallsBackToDashboardNameThenEmailThenId() {
        stripe.addAccount(new JSONObject().put("id", "acct_dash").put("email", "a@b.example")
                .put("business_profile", new JSONObject().put("name", JSONObject.NULL))
                .put("settings", new JSONObject().put("dashboard", new JSONObject().put("display_name", "Dash"))));
        stripe.addAccount(new JSONObject().put("id", "acct_mail").put("email", "a@b.example"));
        stripe.addAccount(new JSONObject().put("id", "acct_bare").put("email", JSONObject.NULL));
        assertEquals(new Account("acct_dash", "Dash"), accountOf("acct_dash"));
        assertEquals(new Account("acct_mail", "a@b.example"), accountOf("acct_mail"));
        assertEquals(new Account("acct_bare", "acct_bare"), accountOf("acct_bare"));
    }

    private Account accountOf(String accountId) {
        return provider.account(provider.exchangeCode(new CodeExchange(stripe.issueCode(accountId, "read_write"), CALLBACK, null)));
    }

    @Test
    void accountOfADisconnectedAccountIsRejected() {
        TokenSet tokens = connect();
        provider.revokeAccount(tokens);
        assertEquals(Reason.REJECTED, assertThrows(ProviderException.class, () -> provider.account(tokens)).reason());
    }

    @Test
    void accountRateLimitedCarriesRetryAfter() {
        TokenSet tokens = connect();
        stripe.answerNext(429, "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many requests\"}}",
                Map.of("Retry-After", "2"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(2), e.retryAfter());
    }

    @Test
    void accountErrorMessageUsesStripesApiErrorCodeAndMessage() {
        TokenSet tokens = connect();
        provider.revokeAccount(tokens);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertTrue(e.getMessage().contains("account_invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("does not have access to account"), e.getMessage());
    }
}
