package dev.latchkey.providers.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class SalesforceTokensTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private static JSONObject response(long issuedAtMillis) {
        return new JSONObject().put("access_token", "00Dxx!AQa").put("token_type", "Bearer")
                .put("scope", "refresh_token api").put("instance_url", "https://acme.my.salesforce.com")
                .put("id", "https://login.salesforce.com/id/00Dxx/005xx").put("issued_at", Long.toString(issuedAtMillis))
                .put("signature", "c2ln");
    }

    @Test
    void expiryIsIssuedAtPlusTheSessionLifetime() {
        Instant issued = NOW.minusSeconds(30);
        TokenSet tokens = SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(response(issued.toEpochMilli()))), NOW, TWO_HOURS, null);
        assertEquals(issued.plus(TWO_HOURS), tokens.expiresAt());
    }

    @Test
    void issuedAtAheadOfOurClockIsNotBelieved() {
        TokenSet tokens = SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(response(NOW.plusSeconds(600).toEpochMilli()))), NOW, TWO_HOURS, null);
        assertEquals(NOW.plus(TWO_HOURS), tokens.expiresAt());
    }

    @Test
    void missingOrGarbledIssuedAtCountsFromNow() {
        JSONObject body = response(0);
        body.remove("issued_at");
        assertEquals(NOW.plus(TWO_HOURS), SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(body)), NOW, TWO_HOURS, null).expiresAt());
        body.put("issued_at", "yesterday");
        assertEquals(NOW.plus(TWO_HOURS), SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(body)), NOW, TWO_HOURS, null).expiresAt());
    }

    @Test
    void anExpiresInWouldBeHonoured() {
        JSONObject body = response(NOW.toEpochMilli()).put("expires_in", 60);
        assertEquals(NOW.plusSeconds(60), SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(body)), NOW, TWO_HOURS, null).expiresAt());
    }

    @Test
    void extrasKeepInstanceAndIdentityUrlsButNotSignatureOrIdToken() {
        JSONObject body = response(NOW.toEpochMilli()).put("id_token", "eyJhbGciOi.x.y");
        TokenSet tokens = SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(body)), NOW, TWO_HOURS, null);
        assertEquals(Map.of("instance_url", "https://acme.my.salesforce.com",
                "id", "https://login.salesforce.com/id/00Dxx/005xx"), tokens.extras());
        assertEquals(List.of("refresh_token", "api"), tokens.grantedScopes());
    }

    @Test
    void refreshResponseReplacesTheInstanceUrlAndKeepsTheRefreshToken() {
        TokenSet previous = new TokenSet("old", "5Aep-refresh", "Bearer", NOW, List.of("api"),
                Map.of("instance_url", "https://old.my.salesforce.com", "id", "https://login.salesforce.com/id/00Dxx/005xx"));
        TokenSet tokens = SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(response(NOW.toEpochMilli()))), NOW, TWO_HOURS, previous);
        assertEquals("https://acme.my.salesforce.com", tokens.extra("instance_url"));
        assertEquals("5Aep-refresh", tokens.refreshToken());
    }

    @Test
    void responseWithoutAccessTokenIsRejected() {
        JSONObject body = response(NOW.toEpochMilli());
        body.remove("access_token");
        ProviderException e = assertThrows(ProviderException.class,
                () -> SalesforceTokens.read(dev.latchkey.providers.Json.parse(String.valueOf(body)), NOW, TWO_HOURS, null));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }
}
