package dev.latchkey.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatchkeyGateTest {

    private static final String KEY = "rk_test_Secret0123456789abcdef";

    private final FakeVerifyEndpoint latchkey = new FakeVerifyEndpoint();
    private final LatchkeyGate gate = new LatchkeyGate(LatchkeyVerifier.builder().baseUrl(latchkey.baseUrl())
            .verifierKey("vk_test_verifier").build(), List.of("read"));

    @AfterEach
    void stop() {
        latchkey.close();
    }

    private String sentKey() {
        return (String) ((Map<?, ?>) Json.parse(latchkey.received.get(latchkey.received.size() - 1).body())).get("key");
    }

    @Test
    void readsTheKeyTheThreeWaysLatchkeyAcceptsIt() {
        String basic = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        String basicNoColon = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        for (String[] headers : new String[][] {{"Bearer " + KEY, null}, {"bearer  " + KEY + " ", null},
                {"Basic " + basic, null}, {"Basic " + basicNoColon, null}, {null, KEY}, {"  ", " " + KEY}}) {
            LatchkeyGate.Outcome outcome = gate.check(headers[0], headers[1], null, null);
            LatchkeyGate.Admitted admitted = assertInstanceOf(LatchkeyGate.Admitted.class, outcome);
            assertEquals(KEY, sentKey());
            assertEquals("cust_42", admitted.principal().getName());
            assertTrue(admitted.principal().isUserInRole("read"));
            assertFalse(admitted.principal().isUserInRole("write"));
        }
        assertEquals(Map.of("key", KEY, "permissions", List.of("read")),
                Json.parse(latchkey.received.get(0).body()));
    }

    @Test
    void malformedOrMissingCredentialsAreRefusedWithoutAskingLatchkey() {
        assertRefused(gate.check(null, null, null, null), 401, "unauthorized");
        assertRefused(gate.check("Bearer " + KEY, KEY, null, null), 400, "invalid_request");
        assertRefused(gate.check("Token " + KEY, null, null, null), 401, "unauthorized");
        assertRefused(gate.check("Bearer", null, null, null), 401, "unauthorized");
        assertRefused(gate.check("Basic %%%" + KEY, null, null, null), 401, "unauthorized");
        assertTrue(latchkey.received.isEmpty());
    }

    @Test
    void eachCodeMapsToLatchkeysOwnStatusAndError() {
        Map<String, Object[]> expected = Map.of("NOT_FOUND", new Object[] {401, "unauthorized"},
                "REVOKED", new Object[] {401, "unauthorized"}, "EXPIRED", new Object[] {401, "unauthorized"},
                "DISABLED", new Object[] {401, "unauthorized"},
                "ADDRESS_NOT_ALLOWED", new Object[] {403, "forbidden"},
                "INSUFFICIENT_PERMISSIONS", new Object[] {403, "insufficient_permission"},
                "INSUFFICIENT_SCOPE", new Object[] {403, "insufficient_scope"},
                "RATE_LIMITED", new Object[] {429, "rate_limited"});
        expected.forEach((code, want) -> {
            latchkey.answer = body -> FakeVerifyEndpoint.refused(code);
            LatchkeyGate.Refused refused = assertRefused(gate.check("Bearer " + KEY, null, "10.0.0.1", null),
                    (int) want[0], (String) want[1]);
            assertEquals(code.equals("RATE_LIMITED") ? Map.of("Retry-After", "37")
                    : refused.status() == 401 ? Map.of("WWW-Authenticate", "Bearer realm=\"api\"") : Map.of(),
                    refused.headers(), code);
        });
    }

    @Test
    void latchkeyUnreachableFailsClosed() {
        latchkey.status = 500;
        assertRefused(gate.check("Bearer " + KEY, null, null, null), 503, "unavailable");
    }

    @Test
    void theRequestIdIsTheCallersWhenPlainElseANewOne() {
        assertEquals("abc-123", gate.check(null, null, null, "abc-123").requestId());
        String made = gate.check(null, null, null, "<script>").requestId();
        assertTrue(made.matches("req_[A-Za-z0-9]{16}"), made);
        assertNotEquals(made, gate.check(null, null, null, null).requestId());
    }

    private static LatchkeyGate.Refused assertRefused(LatchkeyGate.Outcome outcome, int status, String error) {
        LatchkeyGate.Refused refused = assertInstanceOf(LatchkeyGate.Refused.class, outcome);
        assertEquals(status, refused.status());
        Map<?, ?> body = (Map<?, ?>) Json.parse(refused.body());
        assertEquals(Map.of("error", error, "message", refused.message(), "request_id", refused.requestId()), body);
        assertFalse(refused.body().contains(KEY), "the key is never in a refusal");
        return refused;
    }
}
