package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens, the data API they protect, and introspection, black box over HTTP. */
class ApiTokensIT extends DeployedLatchkey {

    TestTeam team;
    String site;

    @BeforeEach
    void teamAndSite() {
        team = api.newTeam();
        site = team.createSite("shop");
    }

    private Response createToken(Map<String, ?> body) {
        return team.owner().body(body).post("/v1/sites/" + site + "/tokens");
    }

    private String key(String type, String environment, List<String> permissions) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", type + " " + environment, "type", type,
                "environment", environment));
        if (permissions != null) {
            body.put("permissions", permissions);
        }
        return createToken(body).then().statusCode(201).extract().path("token");
    }

    private RequestSpecification data(String key) {
        return api.as(key);
    }

    // --- lifecycle ---

    @Test
    void secretKeyIsCreatedShownOnceListedAndRevokedForGood() {
        Response created = createToken(Map.of("name", "backend", "type", "secret", "environment", "test"));
        created.then().statusCode(201)
                .body("token", startsWith("sk_test_"))
                .body("id", startsWith("tok_"))
                .body("type", equalTo("secret"))
                .body("environment", equalTo("test"))
                .body("prefix", equalTo("sk_test_"))
                .body("permissions", hasItems("read", "write", "delete", "admin"))
                .body("status", equalTo("active"))
                .body("created_by", equalTo(team.ownerId()))
                .body("expires_at", nullValue())
                .body("allowed_ips", hasSize(0));
        String token = created.path("token");
        String id = created.path("id");
        api.as(token).get("/v1/whoami").then().statusCode(200)
                .body("kind", equalTo("api_token"))
                .body("site.id", equalTo(site))
                .body("environment", equalTo("test"))
                .body("member", nullValue());
        team.owner().get("/v1/sites/" + site + "/tokens/" + id).then().statusCode(200)
                .body("$", not(hasKey("token"))).body("last4", equalTo(token.substring(token.length() - 4)))
                .body("last_used_at", org.hamcrest.Matchers.notNullValue());
        String listing = team.owner().get("/v1/sites/" + site + "/tokens").then().statusCode(200)
                .body("data", hasSize(1)).extract().asString();
        assertFalse(listing.contains(token));
        team.owner().delete("/v1/sites/" + site + "/tokens/" + id).then().statusCode(200)
                .body("status", equalTo("revoked"));
        assertError(api.as(token).get("/v1/whoami"), 401, "unauthorized");
        assertError(team.owner().post("/v1/sites/" + site + "/tokens/" + id + "/roll"), 409, "conflict");
    }

    @Test
    void restrictedKeysNeedPermissionsAndSecretKeysTakeNone() {
        createToken(Map.of("name", "r", "type", "restricted", "environment", "live", "permissions", List.of("read")))
                .then().statusCode(201).body("prefix", equalTo("rk_live_")).body("permissions", equalTo(List.of("read")));
        assertError(createToken(Map.of("name", "r", "type", "restricted", "environment", "live")), 400, "invalid_request");
        assertError(createToken(Map.of("name", "s", "type", "secret", "environment", "live",
                "permissions", List.of("read"))), 400, "invalid_request");
        assertError(createToken(Map.of("name", "x", "type", "public", "environment", "live")), 400, "invalid_request");
        assertError(createToken(Map.of("name", "x", "type", "secret", "environment", "prod")), 400, "invalid_request");
        assertError(createToken(Map.of("name", "x", "type", "restricted", "environment", "live",
                "permissions", List.of("superuser"))), 400, "invalid_request");
        assertError(createToken(Map.of("name", "x", "type", "secret", "environment", "live",
                "expires_at", "2001-01-01T00:00:00Z")), 400, "invalid_request");
        assertError(createToken(Map.of("name", "x", "type", "secret", "environment", "live",
                "allowed_ips", List.of("10.0.0.0/33"))), 400, "invalid_request");
        assertError(createToken(Map.of("name", "x", "type", "secret", "environment", "live",
                "scopes", List.of("scope_nope"))), 400, "invalid_request");
        team.owner().get("/v1/sites/" + site + "/tokens").then().body("data", hasSize(1));
    }

    @Test
    void rollKeepsTheOldTokenForTheOverlapThenStopsIt() throws Exception {
        Response created = createToken(Map.of("name", "rolling", "type", "restricted", "environment", "test",
                "permissions", List.of("read", "write"), "allowed_ips", List.of("127.0.0.0/8")));
        String old = created.path("token");
        Response rolled = team.owner().body(Map.of("expires_in", 2))
                .post("/v1/sites/" + site + "/tokens/" + created.path("id") + "/roll");
        rolled.then().statusCode(201)
                .body("token", startsWith("rk_test_"))
                .body("name", equalTo("rolling"))
                .body("permissions", equalTo(List.of("read", "write")))
                .body("allowed_ips", equalTo(List.of("127.0.0.0/8")))
                .body("rolled_from", equalTo(created.path("id")));
        String replacement = rolled.path("token");
        assertFalse(rolled.asString().contains(old), "rolling never shows the old secret");
        api.as(old).get("/v1/whoami").then().statusCode(200);
        api.as(replacement).get("/v1/whoami").then().statusCode(200);
        Thread.sleep(2500);
        assertError(api.as(old).get("/v1/whoami"), 401, "unauthorized");
        api.as(replacement).get("/v1/whoami").then().statusCode(200);

        Response immediate = team.owner().body(Map.of("expires_in", 0))
                .post("/v1/sites/" + site + "/tokens/" + rolled.path("id") + "/roll");
        immediate.then().statusCode(201);
        assertError(api.as(replacement).get("/v1/whoami"), 401, "unauthorized");
        assertError(team.owner().body(Map.of("expires_in", 604801))
                .post("/v1/sites/" + site + "/tokens/" + immediate.path("id") + "/roll"), 400, "invalid_request");
        team.owner().queryParam("action", "token.rolled").get("/v1/audit-events").then().body("data", hasSize(2));
    }

    @Test
    void expiredTokenAnswers401() throws InterruptedException {
        // Used (and so cached) while valid, then presented after its expiry.
        Response created = createToken(Map.of("name", "brief", "type", "secret", "environment", "test",
                "expires_at", Instant.now().plusSeconds(2).toString()));
        api.as((String) created.path("token")).get("/v1/whoami").then().statusCode(200);
        Thread.sleep(2500);
        var refused = api.as((String) created.path("token")).get("/v1/whoami");
        assertError(refused, 401, "unauthorized");
        refused.then().body("message", containsString("expired"));
    }

    @Test
    void aRevocationByAnotherInstanceCountsWithinTheSyncInterval() throws InterruptedException {
        Response created = createToken(Map.of("name", "cached", "type", "secret", "environment", "test"));
        String token = created.path("token");
        api.as(token).get("/v1/whoami").then().statusCode(200);
        api.as(token).get("/v1/whoami").then().statusCode(200);
        // What another instance's revoke commits: the revocation and its credential_changes row.
        TestDatabase.execute("update credentials set revoked_at = ? where id = ?", System.currentTimeMillis(),
                created.path("id"));
        TestDatabase.execute("insert into credential_changes (changed_at) values (?)", System.currentTimeMillis());
        long started = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - started < 3_000_000_000L) {
            status = api.as(token).get("/v1/whoami").statusCode();
            Thread.sleep(20);
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(401, status, "still accepted " + tookMillis + " ms after another instance revoked it");
        assertTrue(tookMillis < 1000, "took " + tookMillis + " ms; the sync interval is 200 ms");
    }

    // --- address allowlists ---

    @Test
    void allowlistAdmitsListedIpv4AndIpv6AddressesAndRefusesOthersWith403() {
        String v4 = createToken(Map.of("name", "v4", "type", "secret", "environment", "test",
                "allowed_ips", List.of("127.0.0.1/32", "10.1.0.0/16"))).path("token");
        api.as(v4).get("/v1/whoami").then().statusCode(200);
        api.as(v4).header("X-Forwarded-For", "10.1.2.3").get("/v1/whoami").then().statusCode(200);
        var denied = api.as(v4).header("X-Forwarded-For", "10.2.0.1").get("/v1/whoami");
        assertError(denied, 403, "forbidden");
        denied.then().body("message", containsString("10.2.0.1 are not allowed"));

        String v6 = createToken(Map.of("name", "v6", "type", "secret", "environment", "test",
                "allowed_ips", List.of("2001:db8::/32"))).path("token");
        api.as(v6).header("X-Forwarded-For", "2001:db8:5::1").get("/v1/whoami").then().statusCode(200);
        assertError(api.as(v6).header("X-Forwarded-For", "2001:db9::1").get("/v1/whoami"), 403, "forbidden");
        assertError(api.as(v6).get("/v1/whoami"), 403, "forbidden");
        team.owner().queryParam("action", "auth.refused").get("/v1/audit-events").then()
                .body("data.details.reason", hasItems("address_not_allowed"));
    }

    // --- the data API ---

    @Test
    void eachPermissionGuardsItsVerb() {
        String reader = key("restricted", "test", List.of("read"));
        String writer = key("restricted", "test", List.of("write"));
        String deleter = key("restricted", "test", List.of("delete"));
        String path = "/v1/sites/" + site + "/data/Customer/c1";
        data(writer).body(Map.of("email", "a@example.com")).put(path).then().statusCode(201)
                .body("id", equalTo("c1")).body("type", equalTo("Customer")).body("data.email", equalTo("a@example.com"));
        data(writer).body(Map.of("email", "b@example.com")).put(path).then().statusCode(200)
                .body("data.email", equalTo("b@example.com"));
        assertError(data(writer).get(path), 403, "forbidden");
        assertError(data(writer).delete(path), 403, "forbidden");
        data(reader).get(path).then().statusCode(200).body("data.email", equalTo("b@example.com"));
        assertError(data(reader).body(Map.of("x", 1)).put(path), 403, "forbidden");
        assertError(data(reader).delete(path), 403, "forbidden");
        assertError(data(deleter).get(path), 403, "forbidden");
        assertError(data(deleter).body(Map.of("x", 1)).put(path), 403, "forbidden");
        data(deleter).delete(path).then().statusCode(204);
        assertError(data(reader).get(path), 404, "not_found");
    }

    @Test
    void testAndLiveDataNeverMeet() {
        String test = key("secret", "test", null);
        String live = key("secret", "live", null);
        String path = "/v1/sites/" + site + "/data/Order/o1";
        data(test).body(Map.of("total", 1)).put(path).then().statusCode(201).body("environment", equalTo("test"));
        assertError(data(live).get(path), 404, "not_found");
        data(live).body(Map.of("total", 2)).put(path).then().statusCode(201).body("environment", equalTo("live"));
        data(test).get(path).then().body("data.total", equalTo(1));
        data(live).get(path).then().body("data.total", equalTo(2));
        data(test).get("/v1/sites/" + site + "/data/Order").then().body("data", hasSize(1))
                .body("data[0].data.total", equalTo(1));
    }

    @Test
    void anotherSitesOrTeamsKeySeesNothing() {
        String mine = key("secret", "test", null);
        String otherSite = team.createSite("other");
        String path = "/v1/sites/" + otherSite + "/data/Customer/c1";
        assertError(data(mine).get(path), 404, "not_found");
        assertError(data(mine).body(Map.of("a", 1)).put(path), 404, "not_found");
        assertError(api.as(mine).get("/v1/sites/" + otherSite + "/tokens"), 404, "not_found");
        TestTeam stranger = api.newTeam();
        assertError(stranger.owner().get("/v1/sites/" + site + "/tokens"), 404, "not_found");
        assertError(stranger.owner().get("/v1/sites/" + site + "/data/Customer/c1"), 404, "not_found");
        assertError(team.owner().get("/v1/sites/" + site + "/data/Customer/c1"), 403, "forbidden");
    }

    @Test
    void bodiesMustBeJsonObjectsWithinTheSizeLimit() {
        String writer = key("secret", "test", null);
        String path = "/v1/sites/" + site + "/data/Blob/b1";
        assertError(data(writer).body("[1,2]").put(path), 400, "invalid_request");
        assertError(data(writer).body("\"text\"").put(path), 400, "invalid_request");
        assertError(data(writer).body("{\"a\":").put(path), 400, "invalid_request");
        assertError(data(writer).body("").put(path), 400, "invalid_request");
        assertError(data(writer).body(Map.of("big", "x".repeat(70_000))).put(path), 413, "payload_too_large");
        assertError(data(writer).body(Map.of("a", 1)).put("/v1/sites/" + site + "/data/9bad/b1"), 400, "invalid_request");
        assertError(data(writer).get(path), 404, "not_found");
    }

    @Test
    void documentsArePagedNewestFirst() {
        String key = key("secret", "test", null);
        for (int i = 0; i < 3; i++) {
            data(key).body(Map.of("n", i)).put("/v1/sites/" + site + "/data/Item/i" + i).then().statusCode(201);
        }
        Response first = data(key).queryParam("limit", 2).get("/v1/sites/" + site + "/data/Item");
        first.then().body("data.id", equalTo(List.of("i2", "i1"))).body("has_more", equalTo(true));
        data(key).queryParam("starting_after", (String) first.path("next_cursor"))
                .get("/v1/sites/" + site + "/data/Item").then().body("data.id", equalTo(List.of("i0")));
    }

    // --- site keys managing keys ---

    @Test
    void adminKeyManagesKeysOfItsOwnEnvironmentOnly() {
        String admin = key("restricted", "test", List.of("read", "admin"));
        api.as(admin).body(Map.of("name", "child", "type", "restricted", "environment", "test",
                "permissions", List.of("read"))).post("/v1/sites/" + site + "/tokens").then().statusCode(201);
        assertError(api.as(admin).body(Map.of("name", "escalate", "type", "secret", "environment", "live"))
                .post("/v1/sites/" + site + "/tokens"), 403, "insufficient_permission");
        // A key holding only admin cannot hand out read, which it does not hold itself.
        assertError(api.as(key("restricted", "test", List.of("admin"))).body(Map.of("name", "child",
                "type", "restricted", "environment", "test", "permissions", List.of("read")))
                .post("/v1/sites/" + site + "/tokens"), 403, "insufficient_permission");
        String liveId = createToken(Map.of("name", "live one", "type", "secret", "environment", "live")).path("id");
        assertError(api.as(admin).get("/v1/sites/" + site + "/tokens/" + liveId), 404, "not_found");
        api.as(admin).get("/v1/sites/" + site + "/tokens").then().body("data.environment", not(hasItems("live")));
        assertError(api.as(admin).get("/v1/members"), 403, "forbidden");
        String reader = key("restricted", "test", List.of("read"));
        assertError(api.as(reader).get("/v1/sites/" + site + "/tokens"), 403, "forbidden");
    }

    // --- introspection ---

    @Test
    void introspectionReportsActiveTokensOfTheTeamOnly() {
        Response created = createToken(Map.of("name", "peek", "type", "restricted", "environment", "live",
                "permissions", List.of("read")));
        String token = created.path("token");
        team.owner().contentType(ContentType.URLENC).formParam("token", token).post("/v1/introspect").then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("token_type", equalTo("api_token"))
                .body("sub", equalTo(created.path("id")))
                .body("site_id", equalTo(site))
                .body("environment", equalTo("live"))
                .body("permissions", equalTo(List.of("read")));
        team.owner().contentType(ContentType.URLENC).formParam("token", team.ownerToken()).post("/v1/introspect")
                .then().body("active", equalTo(true)).body("token_type", equalTo("personal_token"));

        TestTeam stranger = api.newTeam();
        Response foreign = stranger.owner().contentType(ContentType.URLENC).formParam("token", token)
                .post("/v1/introspect");
        foreign.then().statusCode(200).body("active", equalTo(false));
        assertEquals(Map.of("active", false), foreign.jsonPath().getMap("$"));
        team.owner().delete("/v1/sites/" + site + "/tokens/" + created.path("id"));
        team.owner().contentType(ContentType.URLENC).formParam("token", token).post("/v1/introspect").then()
                .body("active", equalTo(false));
        team.owner().contentType(ContentType.URLENC).formParam("token", "sk_live_nonsense").post("/v1/introspect")
                .then().body("active", equalTo(false));
        assertError(api.anonymous().contentType(ContentType.URLENC).formParam("token", token).post("/v1/introspect"),
                401, "unauthorized");
    }

    @Test
    void tokenChangesAreAudited() {
        Response created = createToken(Map.of("name", "audited", "type", "secret", "environment", "test"));
        team.owner().delete("/v1/sites/" + site + "/tokens/" + created.path("id")).then().statusCode(200);
        team.owner().queryParam("target", (String) created.path("id")).get("/v1/audit-events").then()
                .body("data.action", equalTo(List.of("token.revoked", "token.created")))
                .body("data[0].site_id", equalTo(site));
    }

    // --- owners and metadata; verifier keys and POST /v1/keys/verify (issue 19) ---

    @Test
    void ownerAndMetadataRoundTripFilterAndCarryOverOnRoll() {
        Response created = createToken(Map.of("name", "customer key", "type", "restricted", "environment", "live",
                "permissions", List.of("read"), "owner_id", "cust_1",
                "metadata", Map.of("plan", "pro", "seats", 3, "tags", List.of("a", "b"))));
        created.then().statusCode(201).body("owner_id", equalTo("cust_1")).body("metadata.plan", equalTo("pro"))
                .body("metadata.seats", equalTo(3)).body("metadata.tags", equalTo(List.of("a", "b")));
        createToken(Map.of("name", "other owner", "type", "secret", "environment", "live", "owner_id", "cust_2"))
                .then().statusCode(201);
        createToken(Map.of("name", "no owner", "type", "secret", "environment", "live")).then().statusCode(201)
                .body("owner_id", nullValue()).body("metadata", nullValue());
        team.owner().queryParam("owner_id", "cust_1").get("/v1/sites/" + site + "/tokens").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].owner_id", equalTo("cust_1"))
                .body("data[0].metadata.plan", equalTo("pro"));
        team.owner().get("/v1/sites/" + site + "/tokens").then().body("data", hasSize(3));

        Response rolled = team.owner().post("/v1/sites/" + site + "/tokens/" + created.path("id") + "/roll");
        rolled.then().statusCode(201).body("owner_id", equalTo("cust_1")).body("metadata.plan", equalTo("pro"))
                .body("metadata.seats", equalTo(3));
        team.owner().queryParam("owner_id", "cust_1").get("/v1/sites/" + site + "/tokens").then()
                .body("data", hasSize(2)).body("data.owner_id", equalTo(List.of("cust_1", "cust_1")));

        assertError(createToken(Map.of("name", "big", "type", "secret", "environment", "live",
                "metadata", Map.of("blob", "x".repeat(4100)))), 400, "invalid_request");
        assertError(createToken(Map.of("name", "array", "type", "secret", "environment", "live",
                "metadata", List.of(1, 2))), 400, "invalid_request");
        assertError(createToken(Map.of("name", "text", "type", "secret", "environment", "live",
                "metadata", "plan=pro")), 400, "invalid_request");
        assertError(createToken(Map.of("name", "long owner", "type", "secret", "environment", "live",
                "owner_id", "o".repeat(129))), 400, "invalid_request");
        createToken(Map.of("name", "just fits", "type", "secret", "environment", "live", "owner_id", "o".repeat(128),
                "metadata", Map.of("blob", "x".repeat(4000)))).then().statusCode(201);
    }

    private String verifierKey(String environment) {
        return createToken(Map.of("name", "api-gateway", "type", "verifier", "environment", environment))
                .then().statusCode(201).extract().path("token");
    }

    private Response verify(String verifier, Map<String, ?> body) {
        Response response = api.as(verifier).body(body).post("/v1/keys/verify");
        response.then().statusCode(200);
        assertFalse(response.asString().contains(String.valueOf(body.get("key"))), "the key is never echoed");
        return response;
    }

    @Test
    void aVerifierKeyIsShownOnceAndDoesNothingButVerifyItsEnvironment() {
        Response created = createToken(Map.of("name", "api-gateway", "type", "verifier", "environment", "test"));
        created.then().statusCode(201).body("token", startsWith("vk_test_")).body("type", equalTo("verifier"))
                .body("prefix", equalTo("vk_test_")).body("permissions", hasSize(0));
        String verifier = created.path("token");
        team.owner().get("/v1/sites/" + site + "/tokens/" + created.path("id")).then().statusCode(200)
                .body("$", not(hasKey("token"))).body("type", equalTo("verifier"));
        createToken(Map.of("name", "gw", "type", "verifier", "environment", "live")).then().statusCode(201)
                .body("token", startsWith("vk_live_"));
        assertError(createToken(Map.of("name", "gw", "type", "verifier", "environment", "live",
                "permissions", List.of("read"))), 400, "invalid_request");

        assertError(api.as(verifier).get("/v1/whoami"), 403, "forbidden");
        assertError(api.as(verifier).get("/v1/sites/" + site + "/tokens"), 403, "forbidden");
        assertError(api.as(verifier).get("/v1/sites/" + site + "/data/Customer/c1"), 403, "forbidden");
        assertError(api.as(verifier).contentType(ContentType.URLENC).formParam("token", "x").post("/v1/introspect"),
                403, "forbidden");
        String live = key("secret", "live", null);
        String test = key("secret", "test", null);
        assertError(api.as(test).body(Map.of("key", live)).post("/v1/keys/verify"), 403, "forbidden");
        assertError(team.owner().body(Map.of("key", live)).post("/v1/keys/verify"), 403, "forbidden");

        // A test verifier cannot see live keys: they are not found, as an unknown key is.
        Response hidden = verify(verifier, Map.of("key", live));
        hidden.then().body("valid", equalTo(false)).body("code", equalTo("NOT_FOUND")).body("key_id", nullValue())
                .body("owner_id", nullValue()).body("rate_limit", nullValue());
        verify(verifier, Map.of("key", test)).then().body("valid", equalTo(true)).body("code", equalTo("VALID"))
                .body("environment", equalTo("test"));
        // Nor another site's keys, nor another team's.
        String otherSiteKey = team.owner().body(Map.of("name", "k", "type", "secret", "environment", "test"))
                .post("/v1/sites/" + team.createSite("other") + "/tokens").then().statusCode(201).extract()
                .path("token");
        verify(verifier, Map.of("key", otherSiteKey)).then().body("code", equalTo("NOT_FOUND"));
        TestTeam stranger = api.newTeam();
        String strangerKey = stranger.owner().body(Map.of("name", "k", "type", "secret", "environment", "test"))
                .post("/v1/sites/" + stranger.createSite("s") + "/tokens").then().statusCode(201).extract()
                .path("token");
        verify(verifier, Map.of("key", strangerKey)).then().body("code", equalTo("NOT_FOUND"));
        // Nor the team's other credentials.
        verify(verifier, Map.of("key", team.ownerToken())).then().body("code", equalTo("NOT_FOUND"));
        verify(verifier, Map.of("key", verifier)).then().body("code", equalTo("NOT_FOUND"));
        assertError(api.as(verifier).body(Map.of("key", test, "cost", 0)).post("/v1/keys/verify"), 400,
                "invalid_request");
        assertError(api.as(verifier).body(Map.of("key", test, "permissions", List.of("fly")))
                .post("/v1/keys/verify"), 400, "invalid_request");
        assertError(api.as(verifier).body(Map.of("key", test, "sites", List.of())).post("/v1/keys/verify"), 400,
                "invalid_request");
    }

    @Test
    void verifyAnswersEveryCode() {
        String verifier = verifierKey("live");
        team.owner().body(Map.of("types", List.of(Map.of("name", "Customer", "fields", List.of("name", "email")))))
                .put("/v1/sites/" + site + "/schema").then().statusCode(200);
        String names = team.owner().body(Map.of("name", "names", "fields", List.of("Customer.name")))
                .post("/v1/sites/" + site + "/scopes").then().statusCode(201).extract().path("id");
        String emails = team.owner().body(Map.of("name", "emails", "fields", List.of("Customer.email")))
                .post("/v1/sites/" + site + "/scopes").then().statusCode(201).extract().path("id");
        Response created = createToken(Map.of("name", "customer", "type", "restricted", "environment", "live",
                "permissions", List.of("read", "write"), "scopes", List.of(names), "owner_id", "cust_9",
                "metadata", Map.of("plan", "pro")));
        String key = created.path("token");

        verify(verifier, Map.of("key", key, "permissions", List.of("write"), "scopes", List.of(names))).then()
                .body("valid", equalTo(true)).body("code", equalTo("VALID"))
                .body("key_id", equalTo(created.path("id"))).body("site_id", equalTo(site))
                .body("environment", equalTo("live")).body("permissions", equalTo(List.of("read", "write")))
                .body("scopes", equalTo(List.of(names))).body("owner_id", equalTo("cust_9"))
                .body("metadata.plan", equalTo("pro")).body("expires_at", nullValue())
                .body("rate_limit.limit", org.hamcrest.Matchers.greaterThan(1));
        verify(verifier, Map.of("key", key, "permissions", List.of("read", "delete"))).then()
                .body("valid", equalTo(false)).body("code", equalTo("INSUFFICIENT_PERMISSIONS"))
                .body("owner_id", equalTo("cust_9"));
        verify(verifier, Map.of("key", key, "scopes", List.of(emails))).then()
                .body("valid", equalTo(false)).body("code", equalTo("INSUFFICIENT_SCOPE"));
        verify(verifier, Map.of("key", "sk_live_nonsense")).then().body("code", equalTo("NOT_FOUND"));
        String wrongSecret = TokenShapes.wrongSecretOf(key);
        verify(verifier, Map.of("key", wrongSecret)).then().body("code", equalTo("NOT_FOUND"))
                .body("key_id", nullValue());

        String fenced = createToken(Map.of("name", "fenced", "type", "secret", "environment", "live",
                "allowed_ips", List.of("10.1.0.0/16"))).path("token");
        verify(verifier, Map.of("key", fenced, "client_ip", "10.1.2.3")).then().body("code", equalTo("VALID"));
        verify(verifier, Map.of("key", fenced, "client_ip", "10.2.0.1")).then()
                .body("valid", equalTo(false)).body("code", equalTo("ADDRESS_NOT_ALLOWED"));
        verify(verifier, Map.of("key", fenced)).then().body("code", equalTo("ADDRESS_NOT_ALLOWED"));

        Response rolling = createToken(Map.of("name", "rolled", "type", "secret", "environment", "live"));
        team.owner().post("/v1/sites/" + site + "/tokens/" + rolling.path("id") + "/roll").then().statusCode(201);
        verify(verifier, Map.of("key", rolling.path("token"))).then().body("code", equalTo("EXPIRED"))
                .body("key_id", equalTo(rolling.path("id")));

        Response switched = createToken(Map.of("name", "switched", "type", "secret", "environment", "live"));
        String switchedPath = "/v1/sites/" + site + "/tokens/" + switched.path("id");
        team.owner().body(Map.of("enabled", false)).patch(switchedPath).then().statusCode(200)
                .body("status", equalTo("disabled"));
        verify(verifier, Map.of("key", switched.path("token"))).then().body("valid", equalTo(false))
                .body("code", equalTo("DISABLED")).body("key_id", equalTo(switched.path("id")));
        assertError(api.as(switched.path("token")).get("/v1/whoami"), 401, "unauthorized");
        team.owner().body(Map.of("enabled", true)).patch(switchedPath).then().statusCode(200)
                .body("status", equalTo("active"));
        verify(verifier, Map.of("key", switched.path("token"))).then().body("code", equalTo("VALID"));
        api.as(switched.path("token")).get("/v1/whoami").then().statusCode(200);

        team.owner().delete("/v1/sites/" + site + "/tokens/" + created.path("id")).then().statusCode(200);
        verify(verifier, Map.of("key", key)).then().body("valid", equalTo(false)).body("code", equalTo("REVOKED"));
        assertError(team.owner().body(Map.of("enabled", true)).patch("/v1/sites/" + site + "/tokens/"
                + created.path("id")), 409, "conflict");

        // Refusals are recorded as API authentication records them.
        team.owner().queryParam("action", "auth.refused").get("/v1/audit-events").then()
                .body("data.details.reason", hasItems("address_not_allowed", "expired", "revoked", "wrong_secret",
                        "disabled"));
        team.owner().queryParam("target", (String) switched.path("id")).get("/v1/audit-events").then()
                .body("data.action", hasItems("token.disabled", "token.enabled"));
    }

    @Test
    void verifyAndDirectCallsShareTheKeysRateLimitAndAreCounted() throws Exception {
        String verifier = verifierKey("test");
        Response created = createToken(Map.of("name", "limited", "type", "secret", "environment", "test",
                "rate_limit", Map.of("requests", 4, "per_seconds", 3600)));
        String key = created.path("token");
        verify(verifier, Map.of("key", key, "cost", 2)).then().body("code", equalTo("VALID"))
                .body("rate_limit.limit", equalTo(4)).body("rate_limit.remaining", equalTo(2));
        api.as(key).get("/v1/whoami").then().statusCode(200).header("RateLimit-Remaining", "1");
        verify(verifier, Map.of("key", key, "cost", 2)).then().body("valid", equalTo(false))
                .body("code", equalTo("RATE_LIMITED")).body("rate_limit.remaining", equalTo(0));
        verify(verifier, Map.of("key", key)).then().body("code", equalTo("VALID"))
                .body("rate_limit.remaining", equalTo(0));
        assertError(api.as(key).get("/v1/whoami"), 429, "rate_limited");
        verify(verifier, Map.of("key", key)).then().body("code", equalTo("RATE_LIMITED"));

        // Every authenticated use counts: 4 verifications and 2 direct calls, today.
        team.owner().get("/v1/sites/" + site + "/tokens/" + created.path("id")).then()
                .body("last_used_at", org.hamcrest.Matchers.notNullValue());
        long counted = 0;
        for (int attempt = 0; attempt < 100 && counted < 6; attempt++) {
            Thread.sleep(250);
            List<Map<String, Object>> days = team.owner()
                    .get("/v1/sites/" + site + "/tokens/" + created.path("id") + "/usage").jsonPath().getList("data");
            counted = days.isEmpty() ? 0 : ((Number) days.get(0).get("requests")).longValue();
        }
        assertEquals(6, counted);
    }

    // --- cache_seconds and the revocation counter in verify answers ---

    private long revocations(String verifier, String key) {
        return ((Number) verify(verifier, Map.of("key", key)).path("revocations")).longValue();
    }

    @Test
    void verifyAnswersCarryTheCacheHintAndACounterRaisedByEveryRevocationOfTheirSiteAndEnvironment() {
        String verifier = verifierKey("test");
        String liveVerifier = verifierKey("live");
        String probe = key("secret", "test", null);
        verify(verifier, Map.of("key", probe)).then().body("cache_seconds", equalTo(5)).body("revocations", equalTo(0));
        verify(verifier, Map.of("key", "sk_test_nonsense")).then().body("code", equalTo("NOT_FOUND"))
                .body("cache_seconds", equalTo(5)).body("revocations", equalTo(0));

        Response revoked = createToken(Map.of("name", "r", "type", "secret", "environment", "test"));
        team.owner().delete("/v1/sites/" + site + "/tokens/" + revoked.path("id")).then().statusCode(200);
        assertEquals(1, revocations(verifier, probe), "revoking");
        team.owner().delete("/v1/sites/" + site + "/tokens/" + revoked.path("id")).then().statusCode(200);
        assertEquals(1, revocations(verifier, probe), "revoking twice changes nothing");

        Response switched = createToken(Map.of("name", "s", "type", "secret", "environment", "test"));
        String path = "/v1/sites/" + site + "/tokens/" + switched.path("id");
        team.owner().body(Map.of("enabled", false)).patch(path).then().statusCode(200);
        assertEquals(2, revocations(verifier, probe), "switching off");
        team.owner().body(Map.of("enabled", true)).patch(path).then().statusCode(200);
        assertEquals(2, revocations(verifier, probe), "switching on is no revocation");
        team.owner().post(path + "/roll").then().statusCode(201);
        assertEquals(3, revocations(verifier, probe), "rolling");

        // Live keys have their own counter, untouched by the test keys' changes; another site too.
        String live = key("secret", "live", null);
        assertEquals(0, revocations(liveVerifier, live));
        String otherSite = team.createSite("other");
        String otherVerifier = team.owner().body(Map.of("name", "v", "type", "verifier", "environment", "test"))
                .post("/v1/sites/" + otherSite + "/tokens").then().statusCode(201).extract().path("token");
        assertEquals(0, ((Number) verify(otherVerifier, Map.of("key", probe)).path("revocations")).longValue());
    }

    /**
     * Revocations and switches while keys of the same site are verified (and their uses flushed, every
     * 10 seconds): the counter's row is locked before the key's, and the flush locks keys before counts,
     * so no change ever fails on a deadlock (a 409 or 500), and the counter counts every one.
     */
    @Test
    void revokingAndSwitchingKeysWhileTheyAreVerifiedNeverConflicts() throws Exception {
        String verifier = verifierKey("test");
        Response switched = createToken(Map.of("name", "switched", "type", "secret", "environment", "test"));
        String switchedKey = switched.path("token");
        String steady = key("secret", "test", null);
        long before = revocations(verifier, steady);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger verified = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> verifiers = new java.util.ArrayList<>();
        for (String presented : List.of(switchedKey, steady)) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    Response answer = api.as(verifier).body(Map.of("key", presented)).post("/v1/keys/verify");
                    if (answer.statusCode() != 200) {
                        failures.add("verify " + answer.statusCode() + " " + answer.asString());
                    }
                    verified.incrementAndGet();
                    try {
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
            verifiers.add(thread);
        }
        String path = "/v1/sites/" + site + "/tokens/" + switched.path("id");
        int changes = 0;
        // At least 12 s (a usage flush is every 10 s), 40 verifications and 8 rounds of changes, however
        // slow the machine; at most 90 s.
        long started = System.nanoTime();
        java.util.function.LongSupplier seconds = () -> (System.nanoTime() - started) / 1_000_000_000L;
        try {
            while (seconds.getAsLong() < 90
                    && (seconds.getAsLong() < 12 || verified.get() < 40 || changes < 16)) {
                for (boolean enabled : new boolean[]{false, true}) {
                    Response patched = team.owner().body(Map.of("enabled", enabled)).patch(path);
                    if (patched.statusCode() != 200) {
                        failures.add("patch " + patched.statusCode() + " " + patched.asString());
                    }
                }
                Response doomed = createToken(Map.of("name", "doomed", "type", "secret", "environment", "test"));
                api.as(verifier).body(Map.of("key", doomed.path("token"))).post("/v1/keys/verify");
                Response revoked = team.owner().delete("/v1/sites/" + site + "/tokens/" + doomed.path("id"));
                if (revoked.statusCode() != 200) {
                    failures.add("revoke " + revoked.statusCode() + " " + revoked.asString());
                }
                changes += 2;
            }
        } finally {
            running.set(false);
            for (Thread thread : verifiers) {
                thread.join(10_000);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(verified.get() >= 40, "verified concurrently: " + verified.get());
        assertEquals(before + changes, revocations(verifier, steady), "every switch-off and revocation counted");
    }
}
