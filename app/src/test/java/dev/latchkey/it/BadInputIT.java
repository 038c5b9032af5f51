package dev.latchkey.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 4xx in the one JSON error shape, never a 500 and never the container's HTML
 * page: each case seen in review (issue 13) as a regression test.
 */
class BadInputIT extends DeployedLatchkey {

    private TestTeam team;
    private String site;
    private ExecutorService pool;

    @BeforeEach
    void prepareTeam() {
        team = api.newTeam();
        site = team.createSite("bad input");
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> withNull(String... values) {
        List<String> list = new ArrayList<>(Arrays.asList(values));
        list.add(null);
        return list;
    }

    private static void assertInvalidField(Response response, String field) {
        Api.assertError(response, 400, "invalid_request");
        response.then().body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    @Test
    void nullInsideAnArrayIsA400NamingTheField() {
        String clients = "/v1/sites/" + site + "/oauth-clients";
        assertInvalidField(team.owner().body(body("name", "c", "type", "public", "redirect_uris", withNull(),
                "grant_types", List.of("authorization_code"))).post(clients), "redirect_uris");
        assertInvalidField(team.owner().body(body("name", "c", "type", "confidential", "grant_types",
                withNull("client_credentials"))).post(clients), "grant_types");
        assertInvalidField(team.owner().body(body("name", "c", "type", "confidential", "scopes", withNull("read")))
                .post(clients), "scopes");
        String tokens = "/v1/sites/" + site + "/tokens";
        assertInvalidField(team.owner().body(body("name", "k", "type", "secret", "environment", "live",
                "permissions", withNull("read"))).post(tokens), "permissions");
        assertInvalidField(team.owner().body(body("name", "k", "type", "secret", "environment", "live",
                "scopes", withNull())).post(tokens), "scopes");
        assertInvalidField(team.owner().body(body("name", "k", "type", "secret", "environment", "live",
                "allowed_ips", withNull("10.0.0.0/8"))).post(tokens), "allowed_ips");
        assertInvalidField(team.owner().body(body("name", "s", "fields", withNull("Customer.name")))
                .post("/v1/sites/" + site + "/scopes"), "fields");
        assertInvalidField(team.owner().body(body("types", List.of(body("name", "Customer", "fields", withNull("name")))))
                .put("/v1/sites/" + site + "/schema"), "types[0].fields");
        assertInvalidField(team.owner().body(body("types", withNull())).put("/v1/sites/" + site + "/schema"), "types");
        assertInvalidField(team.owner().body(body("name", "p", "expires_in_days", 3, "permissions", withNull("read")))
                .post("/v1/personal-tokens"), "permissions");
        assertInvalidField(team.owner().body(body("provider", "acme", "scopes", withNull("read")))
                .post("/v1/sites/" + site + "/connections"), "scopes");
        assertEquals(0, team.owner().get(clients).jsonPath().getList("data").size(), "nothing was created");
        assertEquals(0, team.owner().get(tokens).jsonPath().getList("data").size(), "nothing was created");
    }

    /**
     * Every route that reads JSON, with a body that would otherwise be accepted: an unknown field is a
     * 400 naming it, and nothing is created. The OAuth endpoints speak forms (RFC 6749) and the site
     * data documents are arbitrary JSON by design; every other POST, PUT and PATCH must be in the table.
     */
    @Test
    void anUnknownFieldOnEveryJsonRouteIsA400NamingItAndCreatesNothing() {
        String sites = "/v1/sites/" + site;
        String keyId = team.owner().body(body("name", "k", "type", "secret", "environment", "test"))
                .post(sites + "/tokens").then().statusCode(201).extract().path("id");
        String clientId = team.owner().body(body("name", "c", "type", "confidential", "grant_types",
                        List.of("client_credentials"))).post(sites + "/oauth-clients").then().statusCode(201)
                .extract().path("client_id");
        team.owner().body(body("types", List.of(body("name", "Customer", "fields", List.of("name")))))
                .put(sites + "/schema").then().statusCode(200);
        String scopeId = team.owner().body(body("name", "s", "fields", List.of("Customer.name")))
                .post(sites + "/scopes").then().statusCode(201).extract().path("id");
        String memberId = team.owner().body(body("email", "strict-" + site + "@example.com", "name", "M", "role",
                "developer")).post("/v1/members").then().statusCode(201).extract().path("id");
        Map<String, Map<String, Object>> valid = new java.util.TreeMap<>();
        valid.put("POST /v1/oauth/signing-keys/rotate", body("activate_in_seconds", 3600));
        valid.put("POST /v1/teams", body("name", "strict", "owner_email", "strict@example.com", "owner_name", "S"));
        valid.put("POST /v1/sites", body("name", "strict"));
        valid.put("POST /v1/sites/{site}/tokens", body("name", "k2", "type", "restricted", "environment", "test",
                "permissions", List.of("read")));
        valid.put("POST /v1/sites/{site}/tokens/{id}/roll", body("expires_in", 60));
        valid.put("PATCH /v1/sites/{site}/tokens/{id}", body("enabled", true));
        valid.put("POST /v1/sites/{site}/site-token", body());
        valid.put("POST /v1/sites/{site}/oauth-clients", body("name", "c2", "type", "confidential", "grant_types",
                List.of("client_credentials")));
        valid.put("POST /v1/sites/{site}/oauth-clients/{id}/secret", body());
        valid.put("POST /v1/sites/{site}/connections", body("provider", "acme"));
        valid.put("POST /v1/sites/{site}/connections/{provider}/refresh", body());
        valid.put("PUT /v1/sites/{site}/schema", body("types", List.of(body("name", "Customer", "fields",
                List.of("name")))));
        valid.put("POST /v1/sites/{site}/scopes", body("name", "s2", "fields", List.of("Customer.name")));
        valid.put("PUT /v1/sites/{site}/scopes/{id}", body("name", "s3", "fields", List.of("Customer.name")));
        valid.put("POST /v1/members", body("email", "strict@example.com", "name", "S", "role", "developer"));
        valid.put("PATCH /v1/members/{id}", body("role", "developer"));
        valid.put("PUT /v1/members/{id}/password", body("password", "a long enough password 1"));
        valid.put("POST /v1/members/{id}/personal-tokens", body("name", "p", "expires_in_days", 3));
        valid.put("POST /v1/personal-tokens", body("name", "p", "expires_in_days", 3));
        valid.put("POST /v1/sessions", body("email", "strict@example.com", "password", "a long enough password 1"));
        valid.put("POST /v1/keys/verify", body("key", "sk_test_nothing", "permissions", List.of("read"), "cost", 1));
        String verifier = team.owner().body(body("name", "v", "type", "verifier", "environment", "test"))
                .post(sites + "/tokens").then().statusCode(201).extract().path("token");
        List<String> jsonRoutes = dev.latchkey.access.control.ResourceRoutes.all().stream()
                .map(dev.latchkey.access.control.ResourceRoutes.Served::route)
                .filter(r -> List.of("POST", "PUT", "PATCH").contains(r.method()))
                .filter(r -> r.template().startsWith("/v1/") && !r.template().startsWith("/v1/introspect")
                        && !r.template().startsWith("/v1/sites/{site}/data/"))
                .map(Object::toString).sorted().toList();
        assertEquals(jsonRoutes, List.copyOf(valid.keySet()), "every JSON route has a row in the table");
        String before = inventory();
        valid.forEach((route, valid1) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{site}", site)
                    .replace("{provider}", "acme").replace("{id}", route.contains("/tokens/") ? keyId
                            : route.contains("/oauth-clients/") ? clientId : route.contains("/scopes/") ? scopeId
                            : memberId);
            var token = route.contains("signing-keys") || route.equals("POST /v1/teams") ? Api.bootstrapToken()
                    : route.equals("POST /v1/keys/verify") ? verifier : team.ownerToken();
            Map<String, Object> withUnknown = new HashMap<>(valid1);
            withUnknown.put("annotations", body("plan", "gold"));
            Response response = api.as(token).body(withUnknown).request(method, path);
            assertInvalidField(response, "annotations");
            response.then().body("message", containsString("annotations"));
        });
        assertEquals(before, inventory(), "nothing was created or changed");
    }

    @Test
    void theUnknownFieldsSeenInReviewAreRefusedByName() {
        assertInvalidField(team.owner().body(body("name", "p", "expires_in_days", 3, "sites", List.of(site)))
                .post("/v1/personal-tokens"), "sites");
        assertInvalidField(team.owner().body(body("name", "k", "type", "secret", "environment", "live",
                "roll_every_days", 30)).post("/v1/sites/" + site + "/tokens"), "roll_every_days");
        assertInvalidField(team.owner().body(body("providers", List.of("github"), "expires_in", 300))
                .post("/v1/sites/" + site + "/site-token"), "providers");
        assertInvalidField(team.owner().body(body("types", List.of(body("name", "Customer", "fields", List.of("name"),
                "indexed", true)))).put("/v1/sites/" + site + "/schema"), "types[0].indexed");
        assertInvalidField(team.owner().body(body("name", "k", "type", "secret", "environment", "live",
                        "rate_limit", body("requests", 5, "per_seconds", 1, "burst", 10)))
                .post("/v1/sites/" + site + "/tokens"),
                "rate_limit.burst");
        assertEquals(0, team.owner().get("/v1/sites/" + site + "/tokens").jsonPath().getList("data").size());
        team.owner().body("{}").post("/v1/sites/" + site + "/site-token").then().statusCode(201);
        Response document = api.as(siteKey()).body(body("anything", body("goes", List.of(1, "two"))))
                .put("/v1/sites/" + site + "/data/Customer/open");
        assertTrue(document.statusCode() == 201, "site data documents stay open: " + document.asString());
    }

    /** What the team and the instance hold, to show that refused requests change nothing. */
    private String inventory() {
        String sites = "/v1/sites/" + site;
        return List.of("/v1/sites", sites + "/tokens", sites + "/oauth-clients", sites + "/scopes", "/v1/members",
                        "/v1/personal-tokens", sites + "/schema")
                .stream().map(path -> path + "=" + team.owner().queryParam("limit", 100).get(path).asString()
                        .replaceAll("\"last_used_at\":(null|\"[^\"]*\")", ""))
                .collect(java.util.stream.Collectors.joining("\n"))
                + api.as(Api.bootstrapToken()).get("/v1/oauth/signing-keys").asString();
    }

    @Test
    void timesOutsideYears0001To9999AreA400NamingTheField() {
        assertInvalidField(team.owner().body(body("name", "k", "type", "secret", "environment", "live",
                "expires_at", "+999999999-12-31T23:59:59Z")).post("/v1/sites/" + site + "/tokens"), "expires_at");
        assertInvalidField(team.owner().queryParam("until", "+999999999-12-31T23:59:59Z").get("/v1/audit-events"),
                "until");
        assertInvalidField(team.owner().queryParam("since", "-999999999-01-01T00:00:00Z").get("/v1/audit-events"),
                "since");
        team.owner().queryParam("since", "0001-01-01T00:00:00Z").queryParam("until", "9999-12-31T23:59:59Z")
                .get("/v1/audit-events").then().statusCode(200);
    }

    @Test
    void jsonNestedDeeperThan64LevelsIsA400WithoutAStackOverflow() {
        String key = siteKey();
        for (int depth : new int[]{65, 1_000, 100_000}) {
            String arrays = "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            Response sites = quiet(team.owner()).body(arrays).post("/v1/sites");
            assertPlainError(sites, 400, "invalid_request");
            assertTrue(sites.path("message").toString().contains("nested deeper than 64"), sites.asString());
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            assertPlainError(quiet(team.owner()).body("{\"name\":\"k\",\"type\":\"secret\",\"environment\":\"live\","
                    + "\"rate_limit\":" + objects + "}").post("/v1/sites/" + site + "/tokens"), 400, "invalid_request");
            assertPlainError(quiet(api.as(key)).body(objects).put("/v1/sites/" + site + "/data/Customer/deep"), 400,
                    "invalid_request");
        }
        int status = api.as(key).body("{\"x\":" + "[".repeat(63) + "]".repeat(63) + "}")
                .put("/v1/sites/" + site + "/data/Customer/deep").statusCode();
        assertEquals(201, status, "64 levels are allowed");
    }

    /**
     * Without REST Assured's log-if-validation-fails (which Api turns on): it renders every request
     * body in advance, and pretty-printing one nested 100,000 deep runs out of memory.
     */
    private static RequestSpecification quiet(RequestSpecification request) {
        return request.config(io.restassured.config.RestAssuredConfig.config());
    }

    /** The error shape, checked with plain assertions (nothing to pretty-print). */
    private static void assertPlainError(Response response, int status, String error) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(String.valueOf(response.contentType()).startsWith("application/json"), response.contentType());
        assertEquals(error, response.path("error"), response.asString());
        assertEquals(response.header("X-Request-Id"), response.path("request_id"), response.asString());
    }

    @Test
    void invalidUtf8AndNonJsonBodiesAreA400() {
        Response response = team.owner().body(new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff,
                (byte) 0xfe, '"', '}'}).post("/v1/sites");
        Api.assertError(response, 400, "invalid_request");
        response.then().body("message", containsString("UTF-8"));
        for (String bad : new String[]{"", "{", "[]", "\"x\"", "{\"name\":{}}", "{'name':'x'}"}) {
            Api.assertError(team.owner().body(bad).post("/v1/sites"), 400, "invalid_request");
        }
    }

    @Test
    void controlCharactersAndHalfSurrogatesInAStringAreA400NamingTheField() {
        for (String name : List.of("nul\u0000", "line\nbreak", "half \ud800")) {
            assertInvalidField(team.owner().body(body("name", name)).post("/v1/sites"), "name");
        }
        assertInvalidField(team.owner().body(body("email", "x@example.com", "name", "bell\u0007", "role",
                "developer")).post("/v1/members"), "name");
        assertEquals(1, team.owner().get("/v1/sites").jsonPath().getList("data").size(), "nothing was created");
    }

    @Test
    void concurrentCreatesOfTheSameNameGiveOne201AndThe409s() throws Exception {
        assertOneCreatedRestConflict(() -> team.owner().body(body("name", "race")).post("/v1/sites"), 201);
        team.owner().body(body("types", List.of(body("name", "Customer", "fields", List.of("name")))))
                .put("/v1/sites/" + site + "/schema").then().statusCode(200);
        assertOneCreatedRestConflict(() -> team.owner().body(body("name", "race", "fields", List.of("Customer.name")))
                .post("/v1/sites/" + site + "/scopes"), 201);
        assertOneCreatedRestConflict(() -> team.owner().body(body("email", "race@example.com", "name", "Race",
                "role", "developer")).post("/v1/members"), 201);
        String key = siteKey();
        assertOneCreatedRestConflict(() -> api.as(key).body(body("name", "Ada"))
                .put("/v1/sites/" + site + "/data/Customer/race"), 200);
    }

    /** Eight identical creates at once: exactly one 201, the rest 409 (or, for an upsert, 200). */
    private void assertOneCreatedRestConflict(Supplier<Response> create, int alsoAllowed) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(create::get);
        }
        int created = 0;
        for (Future<Response> future : pool.invokeAll(calls)) {
            Response response = future.get();
            int status = response.statusCode();
            if (status == 201) {
                created++;
            } else if (status == 409) {
                Api.assertError(response, 409, "conflict");
            } else {
                assertEquals(alsoAllowed, status, response.asString());
            }
        }
        assertEquals(1, created, "exactly one of the concurrent creates made it");
    }

    @Test
    void connectingAnUnconfiguredProviderIsA409NamingTheSettings() {
        Response response = team.owner().body(body("provider", "spotify")).post("/v1/sites/" + site + "/connections");
        Api.assertError(response, 409, "provider_not_configured");
        response.then().body("message", containsString("latchkey.providers.spotify.client-id"))
                .body("message", containsString("LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_ID"))
                .body("message", containsString("latchkey.providers.spotify.client-secret"))
                .body("message", containsString("LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_SECRET"));
    }

    @Test
    void theContainersOwnErrorsAreJsonInTheErrorShape() {
        Api.assertError(team.owner().get("/no/such/path"), 404, "not_found");
        Api.assertError(team.owner().patch("/v1/sites"), 405, "method_not_allowed");
        Api.assertError(api.anonymous().options("/v1/sites"), 405, "method_not_allowed");
        Api.assertError(team.owner().options("/v1/sites/" + site), 405, "method_not_allowed");
        Api.assertError(team.owner().contentType(ContentType.TEXT).body("name=x").post("/v1/sites"), 415,
                "unsupported_media_type");
        assertPlainError(quiet(team.owner()).body("{\"name\":\"" + "a".repeat(1_100_000) + "\"}").post("/v1/sites"), 413,
                "payload_too_large");
        RawHttp.Answer malformedType = RawHttp.send(api, RawHttp.request("POST /v1/sites HTTP/1.1",
                new byte[][]{RawHttp.latin1("Authorization: Bearer " + team.ownerToken()),
                        RawHttp.latin1("Content-Type: ;;;")}, RawHttp.latin1("{\"name\":\"x\"}")));
        assertErrorShape(malformedType, 400, "invalid_request");
    }

    @Test
    void theOAuthFormEndpointsAnswerANonFormBodyInRfc6749Form() {
        for (String endpoint : List.of("/oauth/token", "/oauth/introspect", "/oauth/revoke")) {
            for (RequestSpecification request : List.of(api.anonymous().body("{\"grant_type\":\"client_credentials\"}"),
                    api.anonymous().contentType(ContentType.TEXT).body("grant_type=client_credentials"))) {
                Response response = request.post(endpoint);
                response.then().statusCode(400).contentType(ContentType.JSON)
                        .body("error", equalTo("invalid_request"))
                        .body("error_description", containsString("application/x-www-form-urlencoded"))
                        .body("request_id", matchesPattern("req_[A-Za-z0-9]{16}"));
            }
        }
    }

    @Test
    void nonAsciiOrControlCharactersInHeadersGetAJsonAnswer() {
        byte[] nonAscii = "Authorization: Bearer pät_ünïcode".getBytes(StandardCharsets.UTF_8);
        assertErrorShape(RawHttp.send(api, RawHttp.request("GET /v1/whoami HTTP/1.1", new byte[][]{nonAscii}, null)),
                401, "unauthorized");
        assertErrorShape(RawHttp.send(api, RawHttp.request("GET /v1/whoami HTTP/1.1",
                new byte[][]{RawHttp.latin1("X-API-Key: \u00e9t\u00e9")}, null)), 401, "unauthorized");
        for (String control : List.of("\u0000", "\u0001", "\r", "\u007f")) {
            RawHttp.Answer answer = RawHttp.send(api, RawHttp.request("GET /v1/whoami HTTP/1.1",
                    new byte[][]{RawHttp.latin1("Authorization: Bearer " + team.ownerToken() + control + "x")}, null));
            assertErrorShape(answer, 400, "invalid_request");
        }
    }

    @Test
    void identifiersThatCannotExistInAPathAreA404() {
        Api.assertError(team.owner().get("/v1/sites/s\u00fcte"), 404, "not_found");
        Api.assertError(team.owner().get("/v1/sites/" + "a".repeat(5_000)), 404, "not_found");
        Api.assertError(team.owner().get("/v1/sites/" + site + "/tokens/tok_\u2603"), 404, "not_found");
        Api.assertError(api.as(siteKey()).get("/v1/sites/" + site + "/data/Customer/\u00e9"), 404, "not_found");
    }

    /**
     * Documented limits: these never reach Latchkey. Grizzly refuses a raw {@code %00} in the path
     * and an over-long request line with a bodiless 400; an invalid escape ({@code %zz}) fails in
     * Payara's request adapter, which logs it and answers an empty 200 (a container defect). None
     * is a 5xx or an HTML page, and none runs any Latchkey code.
     */
    @Test
    void pathsTheContainerRefusesAreNeverA5xxOrHtml() {
        for (String path : List.of("/v1/sites/%00", "/v1/sites/%zz", "/v1/" + "a".repeat(20_000))) {
            RawHttp.Answer answer = RawHttp.send(api, RawHttp.request("GET " + path + " HTTP/1.1",
                    new byte[][]{RawHttp.latin1("Authorization: Bearer " + team.ownerToken())}, null));
            String what = path.substring(0, Math.min(40, path.length())) + ": " + answer.headers();
            assertTrue(answer.status() > 0 && answer.status() < 500, what);
            assertTrue(answer.body().isEmpty() || answer.isJson(), what + answer.body());
        }
    }

    private String siteKey() {
        return team.owner().body(body("name", "writer", "type", "secret", "environment", "live"))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("token");
    }

    private static void assertErrorShape(RawHttp.Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.headers() + "\n" + answer.body());
        assertTrue(answer.isJson(), answer.headers());
        JsonPath json = new JsonPath(answer.body());
        assertEquals(error, json.getString("error"), answer.body());
        assertTrue(json.getString("message") != null && !json.getString("message").isBlank(), answer.body());
        assertTrue(json.getString("request_id").matches("req_[A-Za-z0-9]{16}"), answer.body());
        assertTrue(answer.headers().contains("X-Request-Id: " + json.getString("request_id")), answer.headers());
    }
}
