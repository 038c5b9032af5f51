package dev.latchkey.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import dev.latchkey.client.LatchkeyVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, part 4: a customer's API protected by latchkey-client's Servlet filter
 * ({@link SampleProtectedApi}), verifying against this real deployment with a verifier key, driven
 * over HTTP as the customer's clients would.
 */
class ProtectedApiIT extends DeployedLatchkey {

    private static final Duration CACHE_BOUND = Duration.ofSeconds(2);

    private TestTeam team;
    private String site;
    private SampleProtectedApi sample;

    @BeforeEach
    void startSampleApi() {
        team = api.newTeam();
        site = team.createSite("protected");
        String verifierKey = createKey(Map.of("name", "gw", "type", "verifier", "environment", "test"));
        String latchkey = Api.baseOf(api);
        sample = new SampleProtectedApi(
                LatchkeyVerifier.builder().baseUrl(latchkey).verifierKey(verifierKey).build(),
                LatchkeyVerifier.builder().baseUrl(latchkey).verifierKey(verifierKey).cacheFor(CACHE_BOUND).build());
    }

    @AfterEach
    void stopSampleApi() {
        sample.close();
    }

    private Response createKeyResponse(Map<String, ?> body) {
        return team.owner().body(body).post("/v1/sites/" + site + "/tokens");
    }

    private String createKey(Map<String, ?> body) {
        return createKeyResponse(body).then().statusCode(201).extract().path("token");
    }

    private String readerKey(Map<String, ?> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "customer", "type", "restricted",
                "environment", "test", "permissions", List.of("read"), "owner_id", "cust_42"));
        body.putAll(extra);
        return createKey(body);
    }

    private RequestSpecification sampleApi() {
        return given().baseUri(sample.baseUrl());
    }

    private static void assertRefused(Response response, int status, String error) {
        response.then().statusCode(status).contentType(ContentType.JSON).body("error", equalTo(error))
                .body("message", matchesPattern(".+")).body("request_id", equalTo(response.header("X-Request-Id")))
                .body("request_id", matchesPattern("req_[A-Za-z0-9]{16}"));
    }

    @Test
    void aValidKeyReachesTheApiAsItsOwnerWithItsPermissionsAsRolesHoweverItIsPresented() {
        String key = readerKey(Map.of());
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        for (RequestSpecification presented : List.of(sampleApi().header("Authorization", "Bearer " + key),
                sampleApi().header("Authorization", "Basic " + basic), sampleApi().header("X-API-Key", key))) {
            presented.get("/reports").then().statusCode(200).body("principal", equalTo("cust_42"))
                    .body("auth_type", equalTo("Bearer")).body("read", equalTo(true)).body("write", equalTo(false))
                    .body("admin", equalTo(false));
        }
        // Each of those uses was a verification, counted by Latchkey.
        String id = team.owner().queryParam("owner_id", "cust_42").get("/v1/sites/" + site + "/tokens")
                .then().statusCode(200).extract().path("data[0].id");
        team.owner().get("/v1/sites/" + site + "/tokens/" + id).then().statusCode(200)
                .body("last_used_at", matchesPattern(".+"));
    }

    @Test
    void noKeyABadKeyOrAnotherEnvironmentsKeyIs401InLatchkeysErrorShape() {
        String key = readerKey(Map.of());
        assertRefused(sampleApi().get("/reports"), 401, "unauthorized");
        assertRefused(sampleApi().header("Authorization", "Bearer rk_test_" + "x".repeat(40)).get("/reports"),
                401, "unauthorized");
        assertRefused(sampleApi().header("Authorization", "Bearer " + key + "x").get("/reports"), 401, "unauthorized");
        String live = createKey(Map.of("name", "live", "type", "restricted", "environment", "live",
                "permissions", List.of("read")));
        assertRefused(sampleApi().header("Authorization", "Bearer " + live).get("/reports"), 401, "unauthorized");
        assertRefused(sampleApi().header("Authorization", "Bearer " + key).header("X-API-Key", key).get("/reports"),
                400, "invalid_request");
        Response refused = sampleApi().get("/reports");
        refused.then().header("WWW-Authenticate", matchesPattern("Bearer.*"));
    }

    @Test
    void aMissingPermissionOrARefusedAddressIs403() {
        String reader = readerKey(Map.of());
        assertRefused(sampleApi().header("Authorization", "Bearer " + reader).post("/orders"),
                403, "insufficient_permission");
        String elsewhere = readerKey(Map.of("allowed_ips", List.of("198.51.100.0/24")));
        assertRefused(sampleApi().header("Authorization", "Bearer " + elsewhere).get("/reports"), 403, "forbidden");
        String writer = readerKey(Map.of("permissions", List.of("read", "write")));
        sampleApi().header("Authorization", "Bearer " + writer).post("/orders").then().statusCode(200)
                .body("write", equalTo(true));
    }

    @Test
    void pastTheKeysRateLimitTheApiAnswers429WithRetryAfter() {
        String key = readerKey(Map.of("rate_limit", Map.of("requests", 2, "per_seconds", 3600)));
        sampleApi().header("X-API-Key", key).get("/reports").then().statusCode(200);
        sampleApi().header("X-API-Key", key).get("/reports").then().statusCode(200);
        Response limited = sampleApi().header("X-API-Key", key).get("/reports");
        assertRefused(limited, 429, "rate_limited");
        limited.then().header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // The API's own uses and direct calls to Latchkey take from the one bucket.
        api.as(key).get("/v1/sites/" + site + "/data/Customer/c1").then().statusCode(429);
    }

    @Test
    void aRevokedKeyIsRefusedOnceTheCacheBoundHasPassed() throws InterruptedException {
        String key = readerKey(Map.of());
        sampleApi().header("Authorization", "Bearer " + key).get("/cached/reports").then().statusCode(200);
        String id = team.owner().queryParam("owner_id", "cust_42").get("/v1/sites/" + site + "/tokens")
                .then().extract().path("data[0].id");
        team.owner().delete("/v1/sites/" + site + "/tokens/" + id).then().statusCode(200);
        Thread.sleep(CACHE_BOUND.toMillis() + 100);
        assertRefused(sampleApi().header("Authorization", "Bearer " + key).get("/cached/reports"),
                401, "unauthorized");
        assertRefused(sampleApi().header("Authorization", "Bearer " + key).get("/reports"), 401, "unauthorized");
    }

    /**
     * With a client bound far above Latchkey's {@code cache_seconds} (5): a revoked key stays admitted
     * from the cache only until any other key's verification shows the raised revocation counter, and
     * without other traffic no longer than {@code cache_seconds}, never the client's 60 seconds.
     */
    @Test
    void aRevocationEndsCachedAnswersAtTheNextVerificationAndCacheSecondsBoundsTheRest() throws InterruptedException {
        String verifierKey = createKey(Map.of("name", "gw60", "type", "verifier", "environment", "test"));
        LatchkeyVerifier longCache = LatchkeyVerifier.builder().baseUrl(Api.baseOf(api)).verifierKey(verifierKey)
                .cacheFor(Duration.ofSeconds(60)).build();
        try (SampleProtectedApi cached = new SampleProtectedApi(longCache, longCache)) {
            Response made = createKeyResponse(Map.of("name", "a", "type", "secret", "environment", "test"));
            String key = made.path("token");
            String other = createKey(Map.of("name", "b", "type", "secret", "environment", "test"));
            given().baseUri(cached.baseUrl()).header("X-API-Key", key).get("/cached/reports").then().statusCode(200);
            assertEquals(1, longCache.cachedAnswers());
            team.owner().delete("/v1/sites/" + site + "/tokens/" + made.path("id")).then().statusCode(200);
            // The revocation reaches the cache with the next answer, whichever key it is for.
            given().baseUri(cached.baseUrl()).header("X-API-Key", other).get("/cached/reports").then().statusCode(200);
            assertEquals(1, longCache.cachedAnswers(), "the higher counter dropped the revoked key's answer");
            assertRefused(given().baseUri(cached.baseUrl()).header("X-API-Key", key).get("/cached/reports"),
                    401, "unauthorized");

            Response quiet = createKeyResponse(Map.of("name", "c", "type", "secret", "environment", "test"));
            given().baseUri(cached.baseUrl()).header("X-API-Key", (String) quiet.path("token")).get("/cached/reports")
                    .then().statusCode(200);
            team.owner().delete("/v1/sites/" + site + "/tokens/" + quiet.path("id")).then().statusCode(200);
            Thread.sleep(5_100);
            assertRefused(given().baseUri(cached.baseUrl()).header("X-API-Key", (String) quiet.path("token"))
                    .get("/cached/reports"), 401, "unauthorized");
        }
    }
}
