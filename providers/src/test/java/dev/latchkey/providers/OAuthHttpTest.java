package dev.latchkey.providers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthHttpTest {

    @Test
    void theStandardInvalidGrantIsAnInvalidGrant() {
        assertEquals(ProviderException.Reason.INVALID_GRANT, reasonOf(400, Json.parse("{\"error\":\"invalid_grant\"}")));
    }

    @Test
    void aVendorsOwnErrorCodeIsOnlyRejectedBecauseEachPluginMapsItsOwn() {
        assertEquals(ProviderException.Reason.REJECTED, reasonOf(200, Json.parse("{\"error\":\"bad_verification_code\"}")));
        assertEquals(ProviderException.Reason.REJECTED, reasonOf(400, Json.parse("{\"error\":\"bad_refresh_token\"}")));
    }

    @Test
    void a429IsRateLimitedWithItsRetryAfterAnd5xxUnavailable() {
        ProviderException e = assertThrows(ProviderException.class, () -> OAuthHttp.raiseForError(
                new OAuthHttp.Reply(429, Map.of("Retry-After", List.of("20")), Json.empty())));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(20), e.retryAfter());
        assertEquals(ProviderException.Reason.UNAVAILABLE, reasonOf(503, Json.empty()));
    }

    @Test
    void aGeneric401Or403IsRejected() {
        assertEquals(ProviderException.Reason.REJECTED, reasonOf(401, Json.parse("{\"error\":\"invalid_client\"}")));
        assertEquals(ProviderException.Reason.REJECTED, reasonOf(403, Json.empty()));
    }

    @Test
    void a2xxWithoutAnErrorPasses() {
        assertDoesNotThrow(() -> OAuthHttp.raiseForError(new OAuthHttp.Reply(204, Map.of(), Json.empty())));
    }

    @Test
    void theThreeArgumentCapabilitiesOfOlderPluginsCannotRevokeAnAccount() {
        assertEquals(new Capabilities(true, false, true, false), new Capabilities(true, false, true));
    }

    private static ProviderException.Reason reasonOf(int status, Json body) {
        return assertThrows(ProviderException.class,
                () -> OAuthHttp.raiseForError(new OAuthHttp.Reply(status, Map.of(), body))).reason();
    }
}
