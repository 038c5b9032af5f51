package dev.latchkey.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is calling and how often: the access log, usage counts, time to hello world. */
class UsageIT extends DeployedLatchkey {

    TestTeam team;
    String site;

    @BeforeEach
    void teamAndSite() {
        team = api.newTeam();
        site = team.createSite("usage");
    }

    private Response key(String name) {
        return team.owner().body(Map.of("name", name, "type", "secret", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().response();
    }

    @Test
    void everyRequestLeavesOneJsonLineWithWhoWhatAndHowLongAndNoSecret() throws Exception {
        Response created = key("logged");
        String token = created.path("token");
        String put = api.as(token).body(Map.of("a", 1)).put("/v1/sites/" + site + "/data/Thing/t1?ignored=secret-ish")
                .then().statusCode(201).extract().header("X-Request-Id");
        String missing = api.as(token).get("/v1/nothing/here").then().statusCode(404).extract().header("X-Request-Id");
        String refused = api.as(token + "x").get("/v1/whoami").then().statusCode(401).extract().header("X-Request-Id");
        Path log = Path.of(System.getProperty("latchkey.it.access-log"));
        JsonPath line = awaitLine(log, put);
        assertEquals("PUT", line.getString("method"));
        assertEquals("/v1/sites/{site}/data/{type}/{id}", line.getString("path"));
        assertEquals(201, line.getInt("status"));
        assertTrue(line.getDouble("latency_ms") >= 0);
        assertEquals((String) created.path("id"), line.getString("credential_id"));
        assertEquals("api_token", line.getString("credential_kind"));
        assertEquals(team.id(), line.getString("team_id"));
        assertEquals(site, line.getString("site_id"));
        assertNotNull(line.getString("client_ip"));
        assertNotNull(line.getString("time"));
        assertEquals("(unmatched)", awaitLine(log, missing).getString("path"));
        assertEquals(401, awaitLine(log, refused).getInt("status"));
        String all = Files.readString(log);
        for (String secret : List.of(token, team.ownerToken())) {
            assertFalse(all.contains(secret.substring(secret.indexOf('_') + 13, secret.length() - 6)),
                    "a secret reached the access log");
        }
        assertFalse(all.contains("secret-ish"), "query values are not logged");
    }

    @Test
    void usageCountsEveryRequestPerDayWithoutAWritePerRequest() throws Exception {
        Response created = key("counted");
        for (int i = 0; i < 5; i++) {
            api.as((String) created.path("token")).get("/v1/whoami").then().statusCode(200);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long counted = 0;
        for (int attempt = 0; attempt < 40 && counted < 5; attempt++) {
            Thread.sleep(250);
            Response usage = team.owner().get("/v1/sites/" + site + "/tokens/" + created.path("id") + "/usage");
            usage.then().statusCode(200);
            List<Map<String, Object>> days = usage.jsonPath().getList("data");
            counted = days.isEmpty() ? 0 : ((Number) days.get(0).get("requests")).longValue();
            if (!days.isEmpty()) {
                assertEquals(today, days.get(0).get("date"));
            }
        }
        assertEquals(5, counted);
    }

    @Test
    void usageIsSplitByOutcomeFromDirectCallsAndVerificationsAlikePerKeyAndPerOwner() throws Exception {
        String verifier = team.owner().body(Map.of("name", "gateway", "type", "verifier", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("token");
        Response fenced = team.owner().body(Map.of("name", "fenced", "type", "restricted", "environment", "test",
                        "owner_id", "cust_1", "permissions", List.of("read"),
                        "allowed_ips", List.of("127.0.0.1/32", "10.1.0.0/16"),
                        "rate_limit", Map.of("requests", 4, "per_seconds", 3600)))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().response();
        String key = fenced.path("token");
        Response plain = team.owner().body(Map.of("name", "plain", "type", "secret", "environment", "test",
                "owner_id", "cust_1")).post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().response();
        Response ownerless = key("ownerless");

        api.as((String) ownerless.path("token")).get("/v1/whoami").then().statusCode(200);
        // The fenced key: each outcome twice, once called directly and once verified.
        api.as(key).get("/v1/whoami").then().statusCode(200);
        verifyCode(verifier, Map.of("key", key, "client_ip", "10.1.2.3"), "VALID");
        Api.assertError(api.as(key).header("X-Forwarded-For", "10.2.0.1").get("/v1/whoami"), 403, "forbidden");
        verifyCode(verifier, Map.of("key", key, "client_ip", "10.2.0.1"), "ADDRESS_NOT_ALLOWED");
        Api.assertError(api.as(key).get("/v1/sites/" + site + "/tokens"), 403, "forbidden");
        verifyCode(verifier, Map.of("key", key, "client_ip", "10.1.2.3", "permissions", List.of("write")),
                "INSUFFICIENT_PERMISSIONS");
        Api.assertError(api.as(key).get("/v1/whoami"), 429, "rate_limited");
        verifyCode(verifier, Map.of("key", key, "client_ip", "10.1.2.3"), "RATE_LIMITED");
        // The same owner's other key.
        api.as((String) plain.path("token")).get("/v1/whoami").then().statusCode(200);
        verifyCode(verifier, Map.of("key", plain.path("token")), "VALID");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> owner = Map.of();
        Map<String, Object> none = Map.of();
        for (int attempt = 0; attempt < 40 && !(Long.valueOf(4).equals(number(owner.get("valid")))
                && none.get("valid") != null); attempt++) {
            Thread.sleep(250);
            Response byOwner = team.owner().queryParam("group_by", "owner").get("/v1/sites/" + site + "/usage");
            owner = row(byOwner, "owner_id", "cust_1");
            none = row(byOwner, "owner_id", null);
        }
        assertEquals(Map.of("owner_id", "cust_1", "day", today, "valid", 4L, "rate_limited", 1L * 2,
                "address_refused", 2L, "insufficient_permission", 2L), longs(owner, "key_id", "route", "requests"));

        Response byKey = team.owner().queryParam("from", today).queryParam("to", today).get("/v1/sites/" + site + "/usage");
        byKey.then().statusCode(200).body("has_more", equalTo(false));
        assertEquals(Map.of("key_id", fenced.path("id"), "owner_id", "cust_1", "day", today, "valid", 2L,
                "rate_limited", 2L, "address_refused", 2L, "insufficient_permission", 2L),
                longs(row(byKey, "key_id", fenced.path("id")), "route", "requests"));
        assertEquals(2L, number(row(byKey, "key_id", plain.path("id")).get("valid")));
        assertEquals(1L, number(row(byKey, "key_id", ownerless.path("id")).get("valid")));
        assertEquals(null, row(byKey, "key_id", ownerless.path("id")).get("owner_id"));
        assertTrue(number(none.get("valid")) >= 1, "keys without an owner (the verifier too) are one group");

        // The key's own view: requests are its authenticated uses, then split.
        Map<String, Object> day = new java.util.HashMap<>(team.owner()
                .get("/v1/sites/" + site + "/tokens/" + fenced.path("id") + "/usage").jsonPath().getMap("data[0]"));
        assertTrue(day.remove("routes") instanceof List, "calls by route (aKeysDirectCallsAreCountedPerRoute)");
        assertEquals(Map.of("date", today, "requests", 6L, "valid", 2L, "rate_limited", 2L, "address_refused", 2L,
                "insufficient_permission", 2L), longs(day));

        // Another day range holds nothing.
        team.owner().queryParam("from", "2020-01-01").queryParam("to", "2020-01-31").get("/v1/sites/" + site + "/usage")
                .then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeysDirectCallsAreCountedPerRouteTemplateNeverPerRawPath() throws Exception {
        Response created = key("routed");
        String token = created.path("token");
        String other = key("other").path("id");
        for (int i = 0; i < 3; i++) {
            api.as(token).get("/v1/whoami").then().statusCode(200);
        }
        api.as(token).get("/v1/sites/" + site + "/tokens/" + created.path("id")).then().statusCode(200);
        api.as(token).get("/v1/sites/" + site + "/tokens/" + other).then().statusCode(200);
        api.as(token).get("/v1/sites/" + site + "/tokens").then().statusCode(200);
        team.owner().get("/v1/whoami").then().statusCode(200);   // a member's token: not this key's call

        List<Map<String, Object>> routes = List.of();
        for (int attempt = 0; attempt < 60 && routes.size() < 3; attempt++) {
            Thread.sleep(250);
            List<Map<String, Object>> days = team.owner()
                    .get("/v1/sites/" + site + "/tokens/" + created.path("id") + "/usage").then().statusCode(200)
                    .extract().jsonPath().getList("data");
            routes = days.isEmpty() ? List.of() : (List<Map<String, Object>>) days.get(0).get("routes");
        }
        assertEquals(List.of(Map.of("route", "GET /v1/whoami", "requests", 3L),
                        Map.of("route", "GET /v1/sites/{site}/tokens/{id}", "requests", 2L),
                        Map.of("route", "GET /v1/sites/{site}/tokens", "requests", 1L)),
                routes.stream().map(r -> longs(r)).toList(), "most called first, by template");

        // The site's view by route: every key's direct calls on each route (the other key made none).
        List<Map<String, Object>> byRoute = team.owner().queryParam("group_by", "route")
                .get("/v1/sites/" + site + "/usage").then().statusCode(200).extract().jsonPath().getList("data");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(Map.of("day", today, "route", "GET /v1/whoami", "requests", 3L),
                longs(byRoute.get(0), "key_id", "owner_id", "valid", "rate_limited", "address_refused",
                        "insufficient_permission"));
        assertEquals(List.of("GET /v1/whoami", "GET /v1/sites/{site}/tokens/{id}", "GET /v1/sites/{site}/tokens"),
                byRoute.stream().map(r -> r.get("route")).toList());
    }

    @Test
    void siteUsageRefusesBadParametersNamingThem() {
        String path = "/v1/sites/" + site + "/usage";
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("group_by", Map.of("group_by", "team"));
        cases.put("from", Map.of("from", "2026-13-01"));
        cases.put("to", Map.of("to", "yesterday"));
        for (var bad : cases.entrySet()) {
            Response response = team.owner().queryParams(bad.getValue()).get(path);
            Api.assertError(response, 400, "invalid_request");
            response.then().body("errors.field", org.hamcrest.Matchers.hasItem(bad.getKey()));
        }
        Response backwards = team.owner().queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get(path);
        Api.assertError(backwards, 400, "invalid_request");
        backwards.then().body("errors.field", org.hamcrest.Matchers.hasItem("from"));
        Response tooLong = team.owner().queryParam("from", "2025-01-01").queryParam("to", "2026-01-02").get(path);
        Api.assertError(tooLong, 400, "invalid_request");
        team.owner().queryParam("from", "2025-01-02").queryParam("to", "2026-01-02").get(path).then().statusCode(200);
        Api.assertError(team.owner().get("/v1/sites/site_nope0000000000/usage"), 404, "not_found");
    }

    private void verifyCode(String verifier, Map<String, ?> body, String code) {
        api.as(verifier).body(body).post("/v1/keys/verify").then().statusCode(200).body("code", equalTo(code));
    }

    /** The row of today whose {@code field} is {@code value}, or an empty map. */
    private static Map<String, Object> row(Response usage, String field, Object value) {
        usage.then().statusCode(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> rows = usage.jsonPath().getList("data");
        return rows.stream().filter(r -> today.equals(r.get("day")) && java.util.Objects.equals(value, r.get(field)))
                .findFirst().orElse(Map.of());
    }

    /** The row with numbers as longs, without the {@code absent} fields (which must be null). */
    private static Map<String, Object> longs(Map<String, Object> row, String... absent) {
        Map<String, Object> out = new java.util.HashMap<>();
        List<String> nulls = List.of(absent);
        row.forEach((name, value) -> {
            if (nulls.contains(name)) {
                assertEquals(null, value, name);
            } else {
                out.put(name, value instanceof Number n ? (Object) n.longValue() : value);
            }
        });
        return out;
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    @Test
    void onboardingTellsTimeToFirstCallAndNeverUsedTokens() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(key("k" + i).path("token"));
        }
        api.as(tokens.get(0)).get("/v1/whoami").then().statusCode(200);
        api.as(tokens.get(1)).get("/v1/whoami").then().statusCode(200);
        api.as(tokens.get(1)).get("/v1/whoami").then().statusCode(200);
        team.owner().get("/v1/insights/onboarding").then().statusCode(200)
                .body("tokens", equalTo(3)).body("used", equalTo(2)).body("never_used", equalTo(1))
                .body("median_seconds", org.hamcrest.Matchers.lessThan(60))
                .body("p90_seconds", org.hamcrest.Matchers.lessThan(60));
        Api.assertError(api.as(tokens.get(2)).get("/v1/insights/onboarding"), 403, "forbidden");
    }

    @Test
    void metricsCountAuthenticationOutcomesLatencyAndThrottling() {
        String key = key("measured").path("token");
        api.as(key).get("/v1/whoami").then().statusCode(200);
        api.as(key + "x").get("/v1/whoami").then().statusCode(401);
        String metrics = api.anonymous().accept("text/plain").get("/metrics?scope=application").then().statusCode(200)
                .extract().asString();
        assertTrue(metrics.contains("latchkey_authentications_total") && metrics.contains("outcome=\"success\"")
                && metrics.contains("outcome=\"failed\""), metrics);
        assertTrue(metrics.contains("latchkey_requests_seconds") && metrics.contains("route=\"/v1/whoami\""), metrics);
        assertFalse(metrics.contains(key.substring(8, 20)), "no credential in metrics");
    }

    private static JsonPath awaitLine(Path log, String requestId) throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains("\"" + requestId + "\"")) {
                        return JsonPath.from(line);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access log line for " + requestId);
    }
}
