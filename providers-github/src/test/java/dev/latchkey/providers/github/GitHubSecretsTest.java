package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubSecretsTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");

    private FakeGitHub fake;
    private GitHubProvider provider;
    private final List<String> texts = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGitHub();
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        provider = fake.provider(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
        secrets.add(FakeGitHub.CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void noExceptionMessageOrToStringContainsATokenCodeVerifierOrTheClientSecret() throws Exception {
        String verifier = Pkce.newVerifier();
        secrets.add(verifier);
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of(), Pkce.challenge(verifier))));
        String code = FakeGitHub.code(callback);
        secrets.add(code);
        CodeExchange exchange = new CodeExchange(code, CALLBACK, verifier);
        TokenSet first = provider.exchangeCode(exchange);
        secrets.add(first.accessToken());
        secrets.add(first.refreshToken());
        texts.add(exchange.toString());
        texts.add(first.toString());

        collect(() -> provider.exchangeCode(exchange));
        TokenSet second = provider.refresh(first);
        secrets.add(second.accessToken());
        secrets.add(second.refreshToken());
        texts.add(second.toString());
        collect(() -> provider.refresh(first));
        collect(() -> provider.account(first));

        Map<String, String> wrongSettings = new HashMap<>(fake.settings());
        String wrongSecret = "wrong-secret-that-must-not-leak-0000000";
        secrets.add(wrongSecret);
        wrongSettings.put("client-secret", wrongSecret);
        GitHubProvider wrong = fake.provider(wrongSettings, new MutableClock(Instant.now()));
        collect(() -> wrong.refresh(second));
        collect(() -> wrong.revoke(second));

        fake.next(429, "", Map.of("Retry-After", "5"));
        collect(() -> provider.refresh(second));
        fake.next(500, "{\"access_token\":\"" + second.accessToken() + "\"}", Map.of());
        collect(() -> provider.account(second));
        provider.revoke(second);
        collect(() -> provider.revoke(second));
        collect(() -> provider.account(second));

        ProviderConfig config = new ProviderConfig("github", fake.settings());
        texts.add(config.toString());
        texts.add(provider.toString());
        texts.add(new GitHubProviderFactory().create(config, HttpClient.newHttpClient()).toString());

        fake.close();
        collect(() -> provider.refresh(second));

        assertTrue(texts.size() >= 15, "every failure path produced an exception");
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "leaked a secret in: " + text);
            }
        }
    }

    private void collect(Runnable call) {
        try {
            call.run();
            texts.add("no failure");
        } catch (ProviderException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
    }
}
