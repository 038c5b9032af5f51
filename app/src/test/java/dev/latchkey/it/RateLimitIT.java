package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits per credential and brute-force protection per address, black box and without
 * waiting: the limits used give a token back only every few hundred seconds, so a drained
 * bucket stays drained for the whole test. How buckets refill is unit-tested on a manual clock
 * ({@code BucketsTest}).
 */
class RateLimitIT extends DeployedLatchkey {

    TestTeam team;
    String site;

    @BeforeEach
    void teamAndSite() {
        team = api.newTeam();
        site = team.createSite("limited");
    }

    @Test
    void aKeysOwnLimitAnswers429WithHeadersAndRefusedRequestsCostNothing() {
        // 3 an hour: a token comes back every 1,200 s.
        Response created = team.owner().body(Map.of("name", "slow", "type", "secret", "environment", "test",
                "rate_limit", Map.of("requests", 3, "per_seconds", 3600))).post("/v1/sites/" + site + "/tokens");
        created.then().statusCode(201);
        assertEquals(Map.of("requests", 3, "per_seconds", 3600), created.jsonPath().getMap("rate_limit"));
        String key = created.path("token");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response ok = api.as(key).get("/v1/whoami");
            ok.then().statusCode(200);
            assertEquals("3", ok.header("RateLimit-Limit"));
            assertEquals(String.valueOf(remaining), ok.header("RateLimit-Remaining"));
            int reset = Integer.parseInt(ok.header("RateLimit-Reset"));
            int taken = 3 - remaining;
            assertTrue(reset > taken * 1200 - 60 && reset <= taken * 1200, "full again in " + taken * 1200 + " s: " + reset);
        }
        int firstRetryAfter = 0;
        for (int i = 0; i < 5; i++) {
            Response limited = api.as(key).get("/v1/whoami");
            assertError(limited, 429, "rate_limited");
            assertEquals("0", limited.header("RateLimit-Remaining"));
            int retryAfter = Integer.parseInt(limited.header("Retry-After"));
            assertTrue(retryAfter > 1200 - 60 && retryAfter <= 1200, "the next token in 1,200 s: " + retryAfter);
            if (i == 0) {
                firstRetryAfter = retryAfter;
            }
            // Refusals consume nothing: the wait for the next token never grows.
            assertTrue(retryAfter <= firstRetryAfter, retryAfter + " after " + firstRetryAfter);
        }
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

    /**
     * A second instance on the same database with a small failure limit (5 an hour: an attempt
     * comes back every 720 s) and its own buckets: the shared deployment's address bucket is
     * large and refills while a test guesses, so the exact attempt refused would depend on timing.
     */
    @Test
    void guessingFromOneAddressIsBlockedWhileOtherAddressesKeepWorking(@TempDir Path directory) throws Exception {
        String key = team.owner().body(Map.of("name", "valid", "type", "secret", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").path("token");
        try (RunningJar strict = RunningJar.start(directory, Map.of(
                "LATCHKEY_DB_URL", System.getenv("LATCHKEY_DB_URL"),
                "LATCHKEY_DB_USER", "root",
                "LATCHKEY_DB_PASSWORD", "",
                "LATCHKEY_MASTER_KEY", System.getenv("LATCHKEY_MASTER_KEY"),
                "LATCHKEY_DATA_DIR", directory.resolve("data").toString(),
                "LATCHKEY_HTTP_TRUSTED_PROXIES", "127.0.0.1/32",
                "LATCHKEY_RATELIMIT_AUTH_FAILURES", "5",
                "LATCHKEY_RATELIMIT_AUTH_FAILURES_SECONDS", "3600"))) {
            Api instance = Api.at(strict.url());
            String attacker = "203.0.113.10";
            for (int i = 0; i < 5; i++) {
                assertError(instance.as(TokenShapes.wellFormed("sk_test_")).header("X-Forwarded-For", attacker)
                        .get("/v1/whoami"), 401, "unauthorized");
            }
            Response blocked = instance.as(TokenShapes.wellFormed("sk_test_")).header("X-Forwarded-For", attacker)
                    .get("/v1/whoami");
            assertError(blocked, 429, "rate_limited");
            int retryAfter = Integer.parseInt(blocked.header("Retry-After"));
            assertTrue(retryAfter > 720 - 60 && retryAfter <= 720, "an attempt comes back in 720 s: " + retryAfter);
            // The address is refused before its credential is looked at, even a valid one.
            assertError(instance.as(key).header("X-Forwarded-For", attacker).get("/v1/whoami"), 429, "rate_limited");
            instance.as(key).header("X-Forwarded-For", "198.51.100.77").get("/v1/whoami").then().statusCode(200);
            instance.as(key).get("/v1/whoami").then().statusCode(200);
        }
    }
}
