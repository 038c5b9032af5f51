package dev.latchkey.providers.salesforce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** No exception message or toString may carry a token, a code, a verifier or the client secret. */
class SalesforceSecretsTest {

    private static final URI REDIRECT = URI.create("https://latchkey.example/callback/salesforce");

    private FakeSalesforce fake;
    private Provider provider;
    private ProviderConfig config;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSalesforce();
        config = new ProviderConfig("salesforce", Map.of("client-id", FakeSalesforce.CLIENT_ID,
                "client-secret", FakeSalesforce.CLIENT_SECRET, "login-url", fake.baseUrl()));
        provider = new SalesforceProviderFactory().create(config, HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String echo(String error, String... secrets) {
        return new JSONObject().put("error", error)
                .put("error_description", "rejected " + String.join(" and ", secrets)).toString();
    }

    @Test
    void noMessageOrToStringContainsATokenCodeVerifierOrTheClientSecret() throws Exception {
        String code = fake.approve(REDIRECT.toString(), null, "api refresh_token");
        String verifier = "verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, REDIRECT, null));
        List<String> secrets = List.of(FakeSalesforce.CLIENT_SECRET, tokens.accessToken(), tokens.refreshToken(), code, verifier);

        List<String> texts = new ArrayList<>();
        texts.add(provider.toString());
        texts.add(tokens.toString());
        texts.add(config.toString());
        texts.add(new CodeExchange(code, REDIRECT, verifier).toString());

        fake.answerNext(400, Map.of(), echo("invalid_grant", code, verifier, FakeSalesforce.CLIENT_SECRET));
        texts.addAll(failure(() -> provider.exchangeCode(new CodeExchange(code, REDIRECT, verifier))));
        fake.answerNext(400, Map.of(), echo("invalid_grant", tokens.refreshToken(), FakeSalesforce.CLIENT_SECRET));
        texts.addAll(failure(() -> provider.refresh(tokens)));
        fake.answerNext(400, Map.of(), echo("invalid_client", tokens.accessToken()));
        texts.addAll(failure(() -> provider.refresh(tokens)));
        fake.answerNext(400, Map.of(), echo("rate_limit_exceeded", tokens.refreshToken()));
        texts.addAll(failure(() -> provider.refresh(tokens)));
        fake.answerNext(400, Map.of(), echo("unsupported_token_type", tokens.refreshToken(), tokens.accessToken()));
        texts.addAll(failure(() -> provider.revoke(tokens)));
        provider.revoke(tokens);
        texts.addAll(failure(() -> provider.account(tokens)));
        fake.close();
        texts.addAll(failure(() -> provider.refresh(tokens)));

        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "leaked into: " + text);
            }
        }
    }

    private static List<String> failure(Executable call) {
        ProviderException e = assertThrows(ProviderException.class, call);
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        return texts;
    }
}
