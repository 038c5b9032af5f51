package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits per credential and brute-force protection per address, black box. */
class RateLimitIT extends DeployedLatchkey {

    TestTeam team;
    String site;

    @BeforeEach
    void teamAndSite() {
        team = api.newTeam();
        site = team.createSite("limited");
    }

    @Test
    void aKeysOwnLimitAnswers429WithHeadersAndRefusedRequestsCostNothing() throws Exception {
        Response created = team.owner().body(Map.of("name", "slow", "type", "secret", "environment", "test",
                "rate_limit", Map.of("requests", 3, "per_seconds", 3))).post("/v1/sites/" + site + "/tokens");
        created.then().statusCode(201);
        assertEquals(Map.of("requests", 3, "per_seconds", 3), created.jsonPath().getMap("rate_limit"));
        String key = created.path("token");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response ok = api.as(key).get("/v1/whoami");
            ok.then().statusCode(200);
            assertEquals("3", ok.header("RateLimit-Limit"));
            assertEquals(String.valueOf(remaining), ok.header("RateLimit-Remaining"));
            assertNotNull(ok.header("RateLimit-Reset"));
        }
        for (int i = 0; i < 5; i++) {
            Response limited = api.as(key).get("/v1/whoami");
            assertError(limited, 429, "rate_limited");
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
            assertEquals("0", limited.header("RateLimit-Remaining"));
        }
        Thread.sleep(3200);
        // The refused requests consumed nothing: the whole quota is back.
        for (int i = 0; i < 3; i++) {
            api.as(key).get("/v1/whoami").then().statusCode(200);
        }
        assertError(api.as(key).get("/v1/whoami"), 429, "rate_limited");
    }

    @Test
    void invalidLimitsAreRejected() {
        assertError(team.owner().body(Map.of("name", "bad", "type", "secret", "environment", "test",
                "rate_limit", Map.of("requests", 0, "per_seconds", 1))).post("/v1/sites/" + site + "/tokens"),
                400, "invalid_request");
        assertError(team.owner().body(Map.of("name", "bad", "type", "secret", "environment", "test",
                "rate_limit", Map.of("requests", "many"))).post("/v1/sites/" + site + "/tokens"),
                400, "invalid_request");
    }

    @Test
    void guessingFromOneAddressIsBlockedWhileOtherAddressesKeepWorking() {
        String key = team.owner().body(Map.of("name", "valid", "type", "secret", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").path("token");
        String attacker = "203.0.113." + (10 + (int) (Math.random() * 200));
        int failures = Integer.getInteger("latchkey.it.auth-failures");
        Response blocked = null;
        int attempts = 0;
        // The bucket refills while we guess, so the 429 comes a little after the limit.
        while (attempts < failures * 3 / 2 && blocked == null) {
            Response guess = api.as(TokenShapes.wellFormed("sk_test_")).header("X-Forwarded-For", attacker)
                    .get("/v1/whoami");
            attempts++;
            if (guess.statusCode() == 429) {
                blocked = guess;
            } else {
                assertError(guess, 401, "unauthorized");
            }
        }
        assertNotNull(blocked, "guessing was never throttled");
        assertTrue(attempts > failures, "the first " + failures + " failures are answered 401");
        assertError(blocked, 429, "rate_limited");
        assertNotNull(blocked.header("Retry-After"));
        // Right after a refusal, the address is refused even with a valid key. The bucket gives back
        // an attempt every few hundred milliseconds, so on a slow machine one may come back in
        // between: then the address is blocked again and the key tried again at once.
        boolean keyRefused = false;
        for (int round = 0; round < 5 && !keyRefused; round++) {
            int guesses = 0;
            while (guesses++ < 50 && api.as(TokenShapes.wellFormed("sk_test_")).header("X-Forwarded-For", attacker)
                    .get("/v1/whoami").statusCode() != 429) {
                // guessing until refused again
            }
            Response withKey = api.as(key).header("X-Forwarded-For", attacker).get("/v1/whoami");
            if (withKey.statusCode() == 429) {
                assertError(withKey, 429, "rate_limited");
                keyRefused = true;
            }
        }
        assertTrue(keyRefused, "a valid key from a blocked address was never refused right after a refusal");
        api.as(key).header("X-Forwarded-For", "198.51.100.77").get("/v1/whoami").then().statusCode(200);
        api.as(key).get("/v1/whoami").then().statusCode(200);
    }
}
