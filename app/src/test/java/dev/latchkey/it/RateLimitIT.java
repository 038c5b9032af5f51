package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits per credential and brute-force protection per address, black box and without
 * waiting: the limits used give a token back only every few hundred seconds, so a drained
 * bucket stays drained for the whole test. How buckets refill is unit-tested on a manual clock
 * ({@code BucketsTest}). Password guessing (at {@code /oauth/authorize} and {@code POST
 * /v1/sessions}) is throttled here too, on the same strict instance.
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
     * comes back every 720 s) and its own buckets, started once for the brute-force cases below
     * (each guesses from an address of its own): the shared deployment's address bucket is large
     * and refills while a test guesses, so the exact attempt refused would depend on timing.
     */
    @BeforeAll
    static void strictInstance() throws Exception {
        strict = RunningJar.start(strictDirectory, Map.of(
                "LATCHKEY_DB_URL", System.getenv("LATCHKEY_DB_URL"),
                "LATCHKEY_DB_USER", "root",
                "LATCHKEY_DB_PASSWORD", "",
                "LATCHKEY_MASTER_KEY", System.getenv("LATCHKEY_MASTER_KEY"),
                "LATCHKEY_DATA_DIR", strictDirectory.resolve("data").toString(),
                "LATCHKEY_HTTP_TRUSTED_PROXIES", "127.0.0.1/32",
                "LATCHKEY_RATELIMIT_AUTH_FAILURES", String.valueOf(FAILURES),
                "LATCHKEY_RATELIMIT_AUTH_FAILURES_SECONDS", "3600"));
    }

    @AfterAll
    static void stopStrictInstance() throws Exception {
        if (strict != null) {
            strict.close();
        }
    }

    static final int FAILURES = 5;
    static final String PASSWORD = "correct horse battery staple";
    static final String REDIRECT = "http://127.0.0.1:9/callback";

    @TempDir
    static Path strictDirectory;
    static RunningJar strict;

    @Test
    void guessingFromOneAddressIsBlockedWhileOtherAddressesKeepWorking() {
        String key = team.owner().body(Map.of("name", "valid", "type", "secret", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").path("token");
        Api instance = Api.at(strict.url());
        String attacker = "203.0.113.10";
        for (int i = 0; i < FAILURES; i++) {
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

    /**
     * Password sign-in at {@code /oauth/authorize} counts its failures in the bucket API
     * authentication uses: bad API keys and wrong passwords from one address add up, and once it
     * is empty even the right password is refused there (no code, no session), while the member
     * signs in from another address.
     */
    @Test
    void passwordGuessingAtTheAuthorizePageIsThrottledPerAddressEvenForTheRightPassword() {
        String email = memberWithPassword();
        Map<String, String> request = authorizationRequest(publicClient());
        Api instance = Api.at(strict.url());
        String attacker = "198.51.100.20";
        for (int i = 0; i < FAILURES - 2; i++) {
            assertError(instance.as(TokenShapes.wellFormed("sk_test_")).header("X-Forwarded-For", attacker)
                    .get("/v1/whoami"), 401, "unauthorized");
        }
        Browser guesser = new Browser(instance).from(attacker);
        Response page = guesser.authorize(request);
        page.then().statusCode(200).body(containsString("name=\"password\""));
        for (int i = 0; i < 2; i++) {
            page = guesser.post(page, Map.of("email", email, "password", "not the password at all", "decision", "allow"));
            page.then().statusCode(401).body(containsString("Wrong email or password"));
        }
        Response wrong = guesser.post(page, Map.of("email", email, "password", "not the password at all",
                "decision", "allow"));
        wrong.then().statusCode(429).body(containsString("Too many failed sign-ins"));
        Response answer = guesser.post(wrong, Map.of("email", email, "password", PASSWORD, "decision", "allow"));
        answer.then().statusCode(429).header("Retry-After", notNullValue()).contentType(containsString("text/html"));
        assertNull(answer.header("Location"), "the right password is refused while throttled: no code");
        assertNull(guesser.cookie("session"));

        Browser member = new Browser(instance).from("203.0.113.20");
        Response elsewhere = member.post(member.authorize(request), Map.of("email", email, "password", PASSWORD,
                "decision", "allow"));
        assertEquals(302, elsewhere.statusCode(), elsewhere.asString());
        assertTrue(elsewhere.header("Location").startsWith(REDIRECT + "?"), elsewhere.header("Location"));
        assertNotNull(member.cookie("session"), "the member signs in from another address meanwhile");
    }

    /** The console's sign-in ({@code POST /v1/sessions}) is throttled the same way. */
    @Test
    void passwordGuessingThroughTheApiIsThrottledPerAddressEvenForTheRightPassword() {
        String email = memberWithPassword();
        Api instance = Api.at(strict.url());
        String attacker = "198.51.100.30";
        for (int i = 0; i < FAILURES; i++) {
            assertError(instance.anonymous().header("X-Forwarded-For", attacker)
                    .body(Map.of("email", email, "password", "not the password at all")).post("/v1/sessions"),
                    401, "unauthorized");
        }
        assertError(instance.anonymous().header("X-Forwarded-For", attacker)
                .body(Map.of("email", email, "password", "not the password at all")).post("/v1/sessions"),
                429, "rate_limited");
        Response answer = instance.anonymous().header("X-Forwarded-For", attacker)
                .body(Map.of("email", email, "password", PASSWORD)).post("/v1/sessions");
        assertError(answer, 429, "rate_limited");
        int retryAfter = Integer.parseInt(answer.header("Retry-After"));
        assertTrue(retryAfter > 720 - 60 && retryAfter <= 720, "an attempt comes back in 720 s: " + retryAfter);
        assertNull(answer.header("Set-Cookie"), "the right password is refused while throttled");

        instance.anonymous().header("X-Forwarded-For", "203.0.113.30")
                .body(Map.of("email", email, "password", PASSWORD)).post("/v1/sessions").then().statusCode(201);
    }

    /** Gives the team's owner a password; its email. */
    private String memberWithPassword() {
        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        return team.owner().get("/v1/whoami").path("member.email");
    }

    private String publicClient() {
        return team.owner().body(Map.of("name", "Notes SPA", "type", "public", "environment", "test",
                        "redirect_uris", List.of(REDIRECT), "scopes", List.of("read")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract().path("client_id");
    }

    private static Map<String, String> authorizationRequest(String clientId) {
        return Map.of("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT, "scope", "read",
                "state", "s", "code_challenge", OAuthCodeFlowIT.challenge("v".repeat(43)),
                "code_challenge_method", "S256");
    }
}
