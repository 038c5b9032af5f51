package dev.latchkey.providers.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revoking one connection at Salesforce, and what does and does not count as already revoked. */
class SalesforceRevocationTest {

    private static final URI REDIRECT = URI.create("https://latchkey.example/callback/salesforce");

    private FakeSalesforce fake;
    private Provider provider;

    @BeforeEach
    void start() {
        fake = new FakeSalesforce();
        provider = new SalesforceProviderFactory().create(new ProviderConfig("salesforce", fake.settings()),
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void revokeEndsThisConnectionOnlyAndLeavesAnotherConnectionOfTheSameUser() {
        TokenSet first = connect("api refresh_token");
        TokenSet second = connect("api refresh_token");
        provider.revoke(first);
        assertFalse(fake.refreshTokenValid(first.refreshToken()));
        assertFalse(fake.live(first.accessToken()), "revoking the refresh token ends its access tokens");
        assertTrue(fake.live(second.accessToken()));
        assertEquals(FakeSalesforce.USER_ID, provider.account(provider.refresh(second)).id());
    }

    @Test
    void revokeAnsweredWithAGeneric401IsRejectedNotDone() {
        TokenSet tokens = connect("api refresh_token");
        fake.answerNext(FakeSalesforce.REVOKE_PATH, 401, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}", Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revoke(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertEquals(1, fake.calls(FakeSalesforce.REVOKE_PATH), "a refusal is not 'already revoked': the access token is not tried");
        assertTrue(fake.refreshTokenValid(tokens.refreshToken()));
    }

    @Test
    void revokeAnswered403IsRejected() {
        TokenSet tokens = connect("api refresh_token");
        fake.answerNext(FakeSalesforce.REVOKE_PATH, 403, "", Map.of());
        assertEquals(ProviderException.Reason.REJECTED,
                assertThrows(ProviderException.class, () -> provider.revoke(tokens)).reason());
    }

    @Test
    void revokeAfterTheUserRevokedTheAppCountsAsDone() {
        TokenSet tokens = connect("api refresh_token");
        fake.revokeAll();
        provider.revoke(tokens);
        assertEquals(2, fake.calls(FakeSalesforce.REVOKE_PATH), "both tokens answered invalid_token");
    }

    @Test
    void anAdminLimitedToApiGivesConnectionsWithoutARefreshToken() {
        fake.grantOnly(List.of("api"));
        TokenSet tokens = connect("api refresh_token");
        assertNull(tokens.refreshToken());
        assertEquals(List.of("api"), tokens.grantedScopes());
        provider.revoke(tokens);
        assertFalse(fake.live(tokens.accessToken()));
    }

    @Test
    void revokeAllEndsEveryTokenIssuedSoFar() {
        TokenSet tokens = connect("api refresh_token");
        fake.revokeAll();
        assertEquals(ProviderException.Reason.INVALID_GRANT,
                assertThrows(ProviderException.class, () -> provider.refresh(tokens)).reason());
        assertThrows(ProviderException.class, () -> provider.account(tokens));
    }

    @Test
    void rotationCanBeSwitchedOnAndOff() {
        fake.rotateRefreshTokens(true);
        TokenSet first = connect("api refresh_token");
        TokenSet rotated = provider.refresh(first);
        assertFalse(fake.refreshTokenValid(first.refreshToken()));
        fake.rotateRefreshTokens(false);
        assertEquals(rotated.refreshToken(), provider.refresh(rotated).refreshToken());
        assertEquals(2, fake.refreshes());
    }

    private TokenSet connect(String scope) {
        URI callback = fake.consent(provider.authorizationUrl(new AuthorizationRequest("st", REDIRECT, List.of(scope.split(" ")), null)));
        Map<String, String> query = FakeSalesforce.query(callback);
        assertEquals("st", query.get("state"));
        return provider.exchangeCode(new CodeExchange(query.get("code"), REDIRECT, null));
    }
}
