package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubFailureTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final TokenSet APP_TOKENS = new TokenSet("ghu_someAccessToken", "ghr_someRefreshToken", "bearer",
            NOW, List.of(), Map.of());

    private FakeGitHub fake;
    private GitHubProvider provider;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGitHub();
        provider = fake.provider(new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void unreachableGithubIsUnavailable() {
        fake.close();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(APP_TOKENS));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void unverifiedEmailAt200IsRejected() {
        fake.next(200, "{\"error\":\"unverified_user_email\",\"error_description\":\"The user must have a verified primary email.\"}", JSON);
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange("c", CALLBACK, null)));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }

    @Test
    void badVerificationCodeAt200IsAnInvalidGrantThoughOnlyGithubsErrorsKnowThatCode() {
        fake.next(200, "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}", JSON);
        assertEquals(ProviderException.Reason.INVALID_GRANT, assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange("c", CALLBACK, null))).reason());
    }

    @Test
    void unsupportedGrantTypeAt200IsRejected() {
        fake.next(200, "{\"error\":\"unsupported_grant_type\"}", JSON);
        assertEquals(ProviderException.Reason.REJECTED,
                assertThrows(ProviderException.class, () -> provider.refresh(APP_TOKENS)).reason());
    }

    @Test
    void formEncodedTokenAnswerIsRejectedNotMisread() {
        fake.next(200, "access_token=gho_formEncoded&scope=repo&token_type=bearer",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(ProviderException.Reason.REJECTED, assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange("c", CALLBACK, null))).reason());
    }

    @Test
    void api429WithRetryAfterIsRateLimited() {
        fake.next(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}", Map.of("Retry-After", "60"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(APP_TOKENS));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(60), e.retryAfter());
    }

    @Test
    void api403WithExhaustedPrimaryLimitIsRateLimitedUntilTheReset() {
        fake.next(403, "{\"message\":\"API rate limit exceeded\"}", Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(NOW.plusSeconds(120).getEpochSecond())));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(APP_TOKENS));
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void api403WithoutRateLimitSignsIsRejected() {
        fake.next(403, "{\"message\":\"Resource not accessible by integration\"}", Map.of("X-RateLimit-Remaining", "4999"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(APP_TOKENS));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertNull(e.retryAfter());
    }

    @Test
    void api5xxIsUnavailable() {
        fake.next(502, "", Map.of());
        assertEquals(ProviderException.Reason.UNAVAILABLE,
                assertThrows(ProviderException.class, () -> provider.revoke(APP_TOKENS)).reason());
    }

    @Test
    void missingClientSecretFailsBeforeAnyRequest() {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.remove("client-secret");
        GitHubProvider unconfigured = fake.provider(settings, new MutableClock(NOW));
        assertEquals(ProviderException.Reason.REJECTED, assertThrows(ProviderException.class,
                () -> unconfigured.exchangeCode(new CodeExchange("c", CALLBACK, null))).reason());
        assertEquals(0, fake.seen().size());
    }
}
