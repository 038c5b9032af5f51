package dev.latchkey.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrubbingProviderTest {

    private static final String SECRET = "client-secret-1234567";
    private static final TokenSet TOKENS = new TokenSet("access-abcdefgh", "refresh-ijklmnop", "bearer", null, List.of(), Map.of());

    /** A provider whose every failure names what it was given. */
    private static class Echo implements Provider {
        @Override
        public URI authorizationUrl(AuthorizationRequest request) {
            throw new IllegalStateException("challenge " + request.codeChallenge());
        }

        @Override
        public TokenSet exchangeCode(CodeExchange exchange) {
            throw new ProviderException(ProviderException.Reason.RATE_LIMITED, "code " + exchange.code() + " verifier "
                    + exchange.codeVerifier() + " secret " + SECRET, Duration.ofSeconds(3), null);
        }

        @Override
        public TokenSet refresh(TokenSet current) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT, "fine", null,
                    new IOException("refresh " + current.refreshToken()));
        }

        @Override
        public void revoke(TokenSet current) {
            throw new UnsupportedOperationException("token " + current.accessToken());
        }

        @Override
        public Account account(TokenSet current) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "nothing secret here");
        }
    }

    private final Provider provider = ScrubbingProvider.wrap(new Echo(),
            new ProviderConfig("echo", Map.of("client-secret", SECRET)), List.of(Setting.CLIENT_SECRET));

    @Test
    void theCodeVerifierAndClientSecretLeaveNoTraceButReasonAndRetryAfterStay() {
        ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                new CodeExchange("code-9876543", URI.create("https://x.example/cb"), "verifier-55555555")));
        assertEquals("code [redacted] verifier [redacted] secret [redacted]", e.getMessage());
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(3), e.retryAfter());
    }

    @Test
    void aCauseNamingATokenIsDroppedAndUnsupportedStaysUnsupported() {
        ProviderException e = assertThrows(ProviderException.class, () -> provider.refresh(TOKENS));
        assertNull(e.getCause());
        assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason());
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, () -> provider.revoke(TOKENS));
        assertEquals("token [redacted]", u.getMessage());
    }

    @Test
    void aCleanExceptionPassesUnchangedAndWrappingTwiceIsOnce() {
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(TOKENS));
        assertEquals("nothing secret here", e.getMessage());
        assertSame(provider, ScrubbingProvider.wrap(provider, new ProviderConfig("echo", Map.of()), List.of()));
        assertFalse(provider.toString().contains(SECRET));
        assertTrue(provider instanceof ScrubbingProvider);
    }

    @Test
    void closingTheWrapperClosesTheProviderOnce() {
        int[] closed = {0};
        Provider closing = new Echo() {
            @Override
            public void close() {
                closed[0]++;
            }
        };
        ScrubbingProvider.wrap(closing, new ProviderConfig("echo", Map.of()), List.of()).close();
        assertEquals(1, closed[0]);
    }
}
