package dev.latchkey.providers.stripe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Tokens, codes and the platform secret key never reach an exception message or a toString. */
class SecretLeakTest {

    private static final URI CALLBACK = URI.create("https://latchkey.example/callback");

    private FakeStripe stripe;
    private Provider provider;
    private TokenSet tokens;
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stripe = new FakeStripe();
        provider = stripe.provider();
        tokens = provider.exchangeCode(new CodeExchange(stripe.issueCode("acct_leak", "read_write"), CALLBACK, null));
        secrets.addAll(List.of(FakeStripe.SECRET_KEY, tokens.accessToken(), tokens.refreshToken()));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void unknownCodeEchoedByStripeIsNotInTheMessage() {
        String code = "ac_echoedBackByStripe42";
        secrets.add(code);
        assertClean(() -> provider.exchangeCode(new CodeExchange(code, CALLBACK, null)));
    }

    @Test
    void wrongSecretKeyEchoedByStripeIsNotInTheMessage() {
        Map<String, String> settings = stripe.settings();
        settings.put("client-secret", "sk_test_wrongButStillSecret");
        secrets.add("sk_test_wrongButStillSecret");
        Provider wrong = FakeStripe.provider(settings);
        String code = stripe.issueCode("acct_leak", "read_write");
        secrets.add(code);
        assertClean(() -> wrong.exchangeCode(new CodeExchange(code, CALLBACK, null)));
        assertClean(() -> wrong.revokeAccount(tokens));
        assertClean(() -> wrong.account(tokens));
    }

    @Test
    void refreshErrorQuotingTheRefreshTokenIsNotInTheMessage() {
        stripe.answerNext(400, new JSONObject().put("error", "invalid_grant")
                .put("error_description", "Refresh token " + tokens.refreshToken() + " was revoked").toString(), Map.of());
        assertClean(() -> provider.refresh(tokens));
    }

    @Test
    void apiErrorQuotingThePlatformKeyAndAccessTokenIsNotInTheMessage() {
        provider.revokeAccount(tokens);
        assertClean(() -> provider.account(tokens));
        stripe.answerNext(401, new JSONObject().put("error", new JSONObject().put("type", "invalid_request_error")
                .put("message", "Expired API Key provided: " + tokens.accessToken())).toString(), Map.of());
        assertClean(() -> provider.account(tokens));
    }

    @Test
    void networkFailureMessageHasNoSecrets() {
        stripe.dropNext();
        assertClean(() -> provider.refresh(tokens));
    }

    @Test
    void toStringsHaveNoSecrets() {
        String code = stripe.issueCode("acct_leak", "read_write");
        secrets.add(code);
        for (String text : List.of(tokens.toString(), provider.toString(), new CodeExchange(code, CALLBACK, null).toString(),
                new ProviderConfig("stripe", stripe.settings()).toString())) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), text);
            }
        }
    }

    private void assertClean(Executable call) {
        ProviderException e = assertThrows(ProviderException.class, call);
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.toString();
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "leaked a secret: " + text);
            }
        }
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
}
