package dev.latchkey.providers.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ProviderException.Reason;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Disconnecting an account, the answers that do and do not count as "already disconnected", and validation. */
class StripeRevocationTest {

    private static final URI CALLBACK = URI.create("https://latchkey.example/connections/stripe/callback");
    private static final String JSON_401_INVALID_KEY = new JSONObject().put("error", "invalid_client")
            .put("error_description", "Invalid API Key provided: sk_test_****Key").toString();

    private FakeStripe stripe;
    private Provider provider;

    @BeforeEach
    void start() {
        stripe = new FakeStripe();
        provider = stripe.provider();
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void revokingOneConnectionIsUnsupportedAndCallsNothing() {
        TokenSet tokens = connect();
        assertThrows(UnsupportedOperationException.class, () -> provider.revoke(tokens));
        assertEquals(0, stripe.calls(FakeStripe.DEAUTHORIZE_PATH));
        assertTrue(stripe.isConnected(FakeStripe.DEFAULT_ACCOUNT));
    }

    @Test
    void revokeAccountWithARefusedPlatformKeyIsRejectedNotCountedAsDisconnected() {
        TokenSet tokens = connect();
        stripe.refusePlatformKey(true);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revokeAccount(tokens));
        assertEquals(Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertTrue(stripe.isConnected(FakeStripe.DEFAULT_ACCOUNT));
    }

    @Test
    void revokeAccountAnsweredInvalidApiKeyIsRejectedNotCountedAsDisconnected() {
        TokenSet tokens = connect();
        stripe.answerNext(FakeStripe.DEAUTHORIZE_PATH, 401, JSON_401_INVALID_KEY, Map.of());
        assertEquals(Reason.REJECTED, assertThrows(ProviderException.class, () -> provider.revokeAccount(tokens)).reason());
    }

    @Test
    void onlyStripesNotConnectedAnswerCountsAsAlreadyDisconnected() {
        TokenSet tokens = connect();
        stripe.accountDisconnects(FakeStripe.DEFAULT_ACCOUNT);
        provider.revokeAccount(tokens);
        assertEquals(1, stripe.calls(FakeStripe.DEAUTHORIZE_PATH));
    }

    @Test
    void validateOfAConnectedAccountPasses() {
        TokenSet tokens = connect();
        provider.validate(tokens);
        assertEquals(FakeStripe.DEFAULT_ACCOUNT, stripe.last(FakeStripe.ACCOUNT_PATH).header("Stripe-Account"));
    }

    @Test
    void validateAfterTheAccountRemovedTheAppIsAnInvalidGrant() {
        TokenSet tokens = connect();
        stripe.revokeAll();
        assertFalse(stripe.live(tokens.accessToken()));
        assertEquals(Reason.INVALID_GRANT, assertThrows(ProviderException.class, () -> provider.validate(tokens)).reason());
        assertEquals(Reason.INVALID_GRANT, assertThrows(ProviderException.class, () -> provider.refresh(tokens)).reason());
    }

    @Test
    void validateWithARefusedPlatformKeyIsRejectedNotAnInvalidGrant() {
        TokenSet tokens = connect();
        stripe.refusePlatformKey(true);
        assertEquals(Reason.REJECTED, assertThrows(ProviderException.class, () -> provider.validate(tokens)).reason());
    }

    @Test
    void validateWhenStripeIsBusyIsRateLimitedOrUnavailable() {
        TokenSet tokens = connect();
        stripe.answerNext(FakeStripe.ACCOUNT_PATH, 429, "{\"error\":{\"type\":\"rate_limit_error\"}}", Map.of("Retry-After", "3"));
        ProviderException limited = assertThrows(ProviderException.class, () -> provider.validate(tokens));
        assertEquals(Reason.RATE_LIMITED, limited.reason());
        assertEquals(Duration.ofSeconds(3), limited.retryAfter());
        stripe.answerNext(FakeStripe.ACCOUNT_PATH, 503, "", Map.of());
        assertEquals(Reason.UNAVAILABLE, assertThrows(ProviderException.class, () -> provider.validate(tokens)).reason());
    }

    @Test
    void consentHandsBackACallbackWithACodeTheTokenEndpointAccepts() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("st", CALLBACK, List.of("read_write"), null));
        URI callback = stripe.consent(url);
        Map<String, String> query = FakeStripe.parseForm(callback.getRawQuery());
        assertEquals("st", query.get("state"));
        TokenSet tokens = provider.exchangeCode(new CodeExchange(query.get("code"), CALLBACK, null));
        assertEquals(FakeStripe.DEFAULT_ACCOUNT, tokens.extra(StripeProvider.STRIPE_USER_ID));
        assertTrue(stripe.live(tokens.accessToken()));
    }

    private TokenSet connect() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("st", CALLBACK, List.of("read_write"), null));
        String code = FakeStripe.parseForm(stripe.consent(url).getRawQuery()).get("code");
        return provider.exchangeCode(new CodeExchange(code, CALLBACK, null));
    }
}
