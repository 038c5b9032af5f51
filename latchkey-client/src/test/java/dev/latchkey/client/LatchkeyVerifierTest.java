package dev.latchkey.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatchkeyVerifierTest {

    private static final String KEY = "rk_test_Secret0123456789abcdef";

    private final FakeVerifyEndpoint latchkey = new FakeVerifyEndpoint();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void stop() {
        latchkey.close();
    }

    private LatchkeyVerifier verifier(Duration cache) {
        return LatchkeyVerifier.builder().baseUrl(latchkey.baseUrl()).verifierKey("vk_test_verifier")
                .clock(clock).cacheFor(cache).build();
    }

    @Test
    void sendsTheKeyPermissionsAndAddressAsTheVerifierAndReadsTheWholeAnswer() {
        Verification answer = verifier(Duration.ZERO).verify(KEY, List.of("read"), "203.0.113.7");

        assertEquals(new Verification(true, "VALID", "tok_1", "site_1", "test", Set.of("read"), Set.of(), "cust_42",
                null, new Verification.RateLimit(100, 99, 1)), answer);
        FakeVerifyEndpoint.Received sent = latchkey.received.get(0);
        assertEquals("Bearer vk_test_verifier", sent.authorization());
        assertEquals(Map.of("key", KEY, "permissions", List.of("read"), "client_ip", "203.0.113.7"),
                Json.parse(sent.body()));
    }

    @Test
    void withoutACacheEveryUseIsAVerification() {
        LatchkeyVerifier verifier = verifier(Duration.ZERO);
        verifier.verify(KEY, List.of(), null);
        verifier.verify(KEY, List.of(), null);
        assertEquals(2, latchkey.received.size());
        assertEquals(0, verifier.cachedAnswers());
    }

    @Test
    void aValidAnswerIsReusedWithinTheBoundOnlyAndAskedAgainAfterIt() {
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(5));
        verifier.verify(KEY, List.of("read"), "10.0.0.1");
        clock.advance(Duration.ofMillis(4999));
        assertTrue(verifier.verify(KEY, List.of("read"), "10.0.0.1").valid());
        assertEquals(1, latchkey.received.size());

        latchkey.answer = body -> FakeVerifyEndpoint.refused("REVOKED");
        clock.advance(Duration.ofMillis(1));
        assertEquals("REVOKED", verifier.verify(KEY, List.of("read"), "10.0.0.1").code(), "revoked within the bound");
        assertEquals(2, latchkey.received.size());
    }

    @Test
    void aCachedAnswerServesNoOtherAddressNorAPermissionTheKeyDidNotHold() {
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(5));
        verifier.verify(KEY, List.of(), "10.0.0.1");
        verifier.verify(KEY, List.of(), "10.0.0.2");
        assertEquals(2, latchkey.received.size());
        latchkey.answer = body -> FakeVerifyEndpoint.refused("INSUFFICIENT_PERMISSIONS");
        assertEquals("INSUFFICIENT_PERMISSIONS", verifier.verify(KEY, List.of("write"), "10.0.0.1").code());
        assertEquals(3, latchkey.received.size());
    }

    @Test
    void refusalsAndRateLimitedAnswersAreNeverCached() {
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(5));
        for (String code : List.of("RATE_LIMITED", "NOT_FOUND", "REVOKED", "ADDRESS_NOT_ALLOWED")) {
            latchkey.answer = body -> FakeVerifyEndpoint.refused(code);
            verifier.verify(KEY, List.of(), null);
            verifier.verify(KEY, List.of(), null);
        }
        assertEquals(8, latchkey.received.size());
        assertEquals(0, verifier.cachedAnswers());
    }

    @Test
    void anAnswerIsNotServedPastTheKeysExpiry() {
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]").replace("\"expires_at\": null",
                "\"expires_at\": \"2026-01-01T00:00:02Z\"");
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(5));
        verifier.verify(KEY, List.of(), null);
        clock.advance(Duration.ofSeconds(2));
        verifier.verify(KEY, List.of(), null);
        assertEquals(2, latchkey.received.size());
    }

    @Test
    void readsTheCacheHintAndTheRevocationCounter() {
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[\"read\"]", 5, 7);
        Verification answer = verifier(Duration.ZERO).verify(KEY, List.of(), null);
        assertEquals(5, answer.cacheSeconds());
        assertEquals(7L, answer.revocations());
    }

    @Test
    void anAnswerIsKeptNoLongerThanLatchkeysCacheSeconds() {
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]", 2, 0);
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(60));
        verifier.verify(KEY, List.of(), null);
        clock.advance(Duration.ofMillis(1999));
        verifier.verify(KEY, List.of(), null);
        assertEquals(1, latchkey.received.size(), "within cache_seconds");
        clock.advance(Duration.ofMillis(1));
        verifier.verify(KEY, List.of(), null);
        assertEquals(2, latchkey.received.size(), "cache_seconds ended it, not the 60 s bound");

        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]", 0, 0);
        verifier.verify(KEY + "other", List.of(), null);
        verifier.verify(KEY + "other", List.of(), null);
        assertEquals(4, latchkey.received.size(), "cache_seconds 0: never reused");
    }

    @Test
    void aHigherRevocationCounterDropsEveryCachedAnswer() {
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(60));
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]", 30, 3);
        verifier.verify(KEY + "a", List.of(), null);
        verifier.verify(KEY + "b", List.of(), null);
        assertEquals(2, verifier.cachedAnswers());
        verifier.verify(KEY + "a", List.of(), null);
        assertEquals(2, latchkey.received.size(), "a was served from the cache");

        // A key was revoked in Latchkey: the next answer, for another key, shows the counter at 4.
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]", 30, 4);
        verifier.verify(KEY + "c", List.of(), null);
        assertEquals(1, verifier.cachedAnswers(), "only c's answer, given after the revocation, is kept");
        latchkey.answer = body -> FakeVerifyEndpoint.refused("REVOKED").replace("}}", "}, \"revocations\": 4}");
        assertEquals("REVOKED", verifier.verify(KEY + "a", List.of(), null).code(), "a is asked again");
        assertEquals(4, latchkey.received.size());
    }

    @Test
    void anAnswerOlderThanACounterAlreadySeenIsNotKept() {
        LatchkeyVerifier verifier = verifier(Duration.ofSeconds(60));
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]", 30, 5);
        verifier.verify(KEY + "new", List.of(), null);
        // An answer computed before the fifth revocation arrives late (concurrent requests).
        latchkey.answer = body -> FakeVerifyEndpoint.valid("[]", 30, 4);
        assertTrue(verifier.verify(KEY + "old", List.of(), null).valid());
        verifier.verify(KEY + "old", List.of(), null);
        assertEquals(3, latchkey.received.size(), "the older answer was not reused");
        assertEquals(1, verifier.cachedAnswers());
    }

    @Test
    void theCacheIsBoundedAndKeyedByAHashNeverTheKey() throws Exception {
        LatchkeyVerifier verifier = LatchkeyVerifier.builder().baseUrl(latchkey.baseUrl())
                .verifierKey("vk_test_verifier").clock(clock).cache().cacheEntries(3).build();
        assertEquals(Duration.ofSeconds(5), verifier.cacheBound());
        for (int i = 0; i < 5; i++) {
            verifier.verify(KEY + i, List.of(), null);
        }
        assertEquals(3, verifier.cachedAnswers());
        Field field = LatchkeyVerifier.class.getDeclaredField("cache");
        field.setAccessible(true);
        for (Object cacheKey : ((Map<?, ?>) field.get(verifier)).keySet()) {
            assertFalse(cacheKey.toString().contains("Secret"), "cache keys are hashes");
            assertEquals(43, cacheKey.toString().length(), "a base64url SHA-256");
        }
        verifier.verify(KEY + 0, List.of(), null);
        assertEquals(6, latchkey.received.size(), "the least recently used answer went first");
    }

    @Test
    void failuresNameNeitherTheKeyNorTheVerifierKey() {
        latchkey.status = 401;
        latchkey.answer = body -> "{\"error\":\"unauthorized\",\"message\":\"no\",\"request_id\":\"req_1\"}";
        LatchkeyException refused = assertThrows(LatchkeyException.class,
                () -> verifier(Duration.ofSeconds(5)).verify(KEY, List.of(), null));
        assertEquals(401, refused.status());
        assertFalse(refused.getMessage().contains(KEY) || refused.getMessage().contains("vk_test"));

        latchkey.status = 200;
        latchkey.answer = body -> "{\"echo\": \"" + KEY + "\"";
        LatchkeyException garbled = assertThrows(LatchkeyException.class,
                () -> verifier(Duration.ZERO).verify(KEY, List.of(), null));
        assertFalse(garbled.getMessage().contains(KEY));
        assertNull(garbled.getCause());

        latchkey.close();
        LatchkeyException unreachable = assertThrows(LatchkeyException.class,
                () -> verifier(Duration.ZERO).verify(KEY, List.of(), null));
        assertEquals(0, unreachable.status());
        assertFalse(unreachable.getMessage().contains(KEY));
    }

    @Test
    void theBuilderRefusesAnythingButAVerifierKey() {
        assertThrows(IllegalArgumentException.class,
                () -> LatchkeyVerifier.builder().baseUrl(latchkey.baseUrl()).verifierKey("sk_test_x").build());
        assertThrows(IllegalArgumentException.class,
                () -> LatchkeyVerifier.builder().baseUrl("ftp://x").verifierKey("vk_test_x").build());
        assertThrows(IllegalArgumentException.class,
                () -> LatchkeyVerifier.builder().cacheFor(Duration.ofSeconds(-1)));
    }
}
