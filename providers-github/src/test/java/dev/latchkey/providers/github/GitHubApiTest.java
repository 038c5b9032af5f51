package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubApiTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");

    private FakeGitHub fake;
    private GitHubProvider provider;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGitHub();
        provider = fake.provider(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void accountIsTheNumericUserIdAsTextAndTheLogin() throws Exception {
        Account account = provider.account(connect());
        assertEquals(new Account("583231", "octocat"), account);
    }

    @Test
    void accountLookupUsesBearerAndTheHeadersGithubRequires() throws Exception {
        TokenSet tokens = connect();
        provider.account(tokens);
        FakeRequest request = fake.last("/user");
        assertEquals("GET", request.method());
        assertEquals("Bearer " + tokens.accessToken(), request.header("Authorization"));
        assertNotNull(request.header("User-Agent"));
        assertEquals("2022-11-28", request.header("X-GitHub-Api-Version"));
    }

    @Test
    void accountWithARevokedTokenIsRejected() throws Exception {
        TokenSet tokens = connect();
        provider.revoke(tokens);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }

    @Test
    void accountAnswerWithoutIdIsRejected() throws Exception {
        TokenSet tokens = connect();
        fake.next(200, "{\"login\":\"octocat\"}", Map.of("Content-Type", "application/json"));
        assertEquals(ProviderException.Reason.REJECTED,
                assertThrows(ProviderException.class, () -> provider.account(tokens)).reason());
    }

    @Test
    void revokeAccountDeletesTheGrantWithBasicClientAuthAndTheTokenInAJsonBody() throws Exception {
        TokenSet tokens = connect();
        provider.revokeAccount(tokens);
        FakeRequest request = fake.last("/applications/" + FakeGitHub.CLIENT_ID + "/grant");
        assertNotNull(request);
        assertEquals("DELETE", request.method());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                (FakeGitHub.CLIENT_ID + ":" + FakeGitHub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)),
                request.header("Authorization"));
        assertEquals(tokens.accessToken(), new JSONObject(request.body()).getString("access_token"));
        assertFalse(fake.live(tokens.accessToken()));
    }

    @Test
    void revokeAccountEndsTheWholeGrantIncludingTheRefreshToken() throws Exception {
        fake.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        TokenSet tokens = connect();
        provider.revokeAccount(tokens);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
    }

    @Test
    void revokeWithWrongClientSecretIsRejected() throws Exception {
        TokenSet tokens = connect();
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("client-secret", "another-secret-entirely-000000000000000");
        GitHubProvider wrong = fake.provider(settings, new MutableClock(Instant.now()));
        ProviderException e = assertThrows(ProviderException.class, () -> wrong.revoke(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }

    private TokenSet connect() throws Exception {
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("s", CALLBACK, List.of("read:user"), null)));
        return provider.exchangeCode(new CodeExchange(FakeGitHub.code(callback), CALLBACK, null));
    }
}
