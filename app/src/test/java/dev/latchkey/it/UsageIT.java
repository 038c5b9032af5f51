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
