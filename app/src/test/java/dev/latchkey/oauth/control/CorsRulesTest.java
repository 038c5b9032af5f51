package dev.latchkey.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may read the OAuth server's answers from another origin. */
class CorsRulesTest {

    private static final String APP = "https://app.example";

    @Test
    void onlyTheOAuthRoutesAnswerOtherOrigins() {
        assertEquals(Optional.of(CorsRules.Kind.CLIENT), CorsRules.routeOf("oauth/token"));
        assertEquals(Optional.of(CorsRules.Kind.CLIENT), CorsRules.routeOf("oauth/revoke"));
        assertEquals(Optional.of(CorsRules.Kind.CLIENT_READ), CorsRules.routeOf("oauth/userinfo"));
        assertEquals(Optional.of(CorsRules.Kind.PUBLIC), CorsRules.routeOf("oauth/jwks"));
        assertEquals(Optional.of(CorsRules.Kind.PUBLIC), CorsRules.routeOf(".well-known/oauth-authorization-server"));
        assertEquals(Optional.empty(), CorsRules.routeOf("oauth/introspect"));
        assertEquals(Optional.empty(), CorsRules.routeOf("oauth/authorize"));
        assertEquals(Optional.empty(), CorsRules.routeOf("v1/sites"));
    }

    @Test
    void aPreflightToTheTokenEndpointNeedsAnOriginSomeClientRegistered() {
        Map<String, String> allowed = CorsRules.preflight(CorsRules.Kind.CLIENT, APP, true);
        assertEquals(APP, allowed.get("Access-Control-Allow-Origin"));
        assertEquals("POST", allowed.get("Access-Control-Allow-Methods"));
        assertTrue(allowed.get("Access-Control-Allow-Headers").contains("Authorization"));
        assertEquals("Origin", allowed.get("Vary"));
        assertTrue(CorsRules.preflight(CorsRules.Kind.CLIENT, APP, false).isEmpty());
    }

    @Test
    void theActualAnswerNamesOnlyTheAuthenticatedClientsOrigin() {
        assertEquals(APP, CorsRules.actual(CorsRules.Kind.CLIENT, APP, true).get("Access-Control-Allow-Origin"));
        Map<String, String> stranger = CorsRules.actual(CorsRules.Kind.CLIENT, "https://evil.example", false);
        assertTrue(stranger.isEmpty());
    }

    @Test
    void publicDocumentsAreReadableByAnyoneAndNeverWithCredentials() {
        for (Map<String, String> headers : new Map[]{CorsRules.preflight(CorsRules.Kind.PUBLIC, APP, false),
                CorsRules.actual(CorsRules.Kind.PUBLIC, APP, false),
                CorsRules.actual(CorsRules.Kind.CLIENT, APP, true)}) {
            assertFalse(headers.containsKey("Access-Control-Allow-Credentials"));
        }
        assertEquals("*", CorsRules.actual(CorsRules.Kind.PUBLIC, APP, false).get("Access-Control-Allow-Origin"));
    }
}
