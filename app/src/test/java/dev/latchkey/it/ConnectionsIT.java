package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider connections end to end on Payara Micro and MariaDB, with the Acme provider loaded
 * from a plugin jar and answered by a local fake: connect, callback, custody, fetch through
 * the site token, refresh (on demand, forced, scheduled, concurrent), failures, disconnect.
 */
class ConnectionsIT extends DeployedLatchkey {

    static FakeOAuthServer acme;

    TestTeam team;
    String site;

    @BeforeAll
    static void startFakeProvider() {
        acme = new FakeOAuthServer(Integer.getInteger("latchkey.it.fake-provider-port"));
    }

    @AfterAll
    static void stopFakeProvider() {
        acme.close();
    }

    @BeforeEach
    void site() {
        team = api.newTeam();
        site = team.createSite("functions");
    }

    /** Starts a connection and plays the user approving it; answers the callback's response. */
    private Response connect(List<String> scopes, long expiresIn) {
        Response started = team.owner().body(Map.of("provider", "acme", "scopes", scopes))
                .post("/v1/sites/" + site + "/connections");
        started.then().statusCode(201).body("authorize_url", startsWith("http://127.0.0.1"))
                .body("state", notNullValue());
        Map<String, String> query = query(started.path("authorize_url"));
        assertEquals(started.path("state"), query.get("state"));
        assertEquals("S256", query.get("code_challenge_method"));
        String code = acme.approve(query.get("code_challenge"), query.get("scope"), expiresIn);
        return api.anonymous().queryParam("state", (String) started.path("state")).queryParam("code", code)
                .get("/v1/connections/callback");
    }

    private String siteToken() {
        return team.owner().post("/v1/sites/" + site + "/site-token").then().statusCode(201)
                .body("token", startsWith("st_")).extract().path("token");
    }

    @Test
    void pluginJarProvidersAreListedWithTheirCatalogAndABrokenJarIsSkipped() {
        team.owner().get("/v1/providers").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.containsInAnyOrder("github", "salesforce", "spotify", "stripe", "acme",
                        "asana", "atlassian", "bitbucket", "box", "discord", "gitlab", "google", "microsoft", "reddit",
                        "x", "zoom", "tinyco", "sampleco"))
                .body("data.find { it.id == 'github' }.source", equalTo("bundled"))
                .body("data.find { it.id == 'stripe' }.scopes.name", hasItem("read_write"))
                .body("data.find { it.id == 'acme' }.source", equalTo("latchkey-testplugin.jar"))
                .body("data.find { it.id == 'acme' }.scopes.name", equalTo(List.of("read", "write")))
                .body("data.find { it.id == 'acme' }.capabilities.pkce", equalTo(true))
                .body("data.find { it.id == 'github' }.configured", equalTo(true))
                .body("data.find { it.id == 'github' }.missing_settings", equalTo(List.of()))
                .body("data.find { it.id == 'acme' }.configured", equalTo(true))
                .body("data.find { it.id == 'spotify' }.configured", equalTo(false))
                .body("data.find { it.id == 'spotify' }.missing_settings.property", equalTo(List.of(
                        "latchkey.providers.spotify.client-id", "latchkey.providers.spotify.client-secret")))
                .body("data.find { it.id == 'spotify' }.missing_settings.environment_variable", equalTo(List.of(
                        "LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_ID", "LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_SECRET")))
                .body("data.find { it.id == 'acme' }.spi_version", equalTo("1.0"))
                .body("data.find { it.id == 'acme' }.settings.name", hasItem("base-url"))
                .body("data.find { it.id == 'acme' }.settings.find { it.name == 'client-secret' }.secret", equalTo(true))
                .body("data.find { it.id == 'acme' }.settings.find { it.name == 'client-secret' }.set", equalTo(true))
                .body("data.find { it.id == 'spotify' }.settings.find { it.name == 'client-id' }.set", equalTo(false))
                .body("data.find { it.id == 'spotify' }.settings.find { it.name == 'client-id' }.required", equalTo(true));
    }

    @Test
    void connectFetchThroughSiteTokenRefreshAndDisconnect() throws Exception {
        connect(List.of("read", "write"), 3600).then().statusCode(200)
                .body("provider", equalTo("acme"))
                .body("status", equalTo("active"))
                .body("scopes", equalTo(List.of("read", "write")))
                .body("account.name", startsWith("Acme acct_"));
        String listing = team.owner().get("/v1/sites/" + site + "/connections").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].connected_by", equalTo(team.ownerId()))
                .extract().asString();
        String st = siteToken();
        Response fetched = api.as(st).get("/v1/site/connections/acme");
        fetched.then().statusCode(200).body("access_token", startsWith("acme_at_"))
                .body("scopes", equalTo(List.of("read", "write"))).body("expires_at", notNullValue());
        String accessToken = fetched.path("access_token");
        FakeOAuthServer.Grant grant = acme.grantOfAccessToken(accessToken);
        assertFalse(listing.contains(accessToken), "listings never show a token");
        assertNoPlaintextTokens(grant);

        team.owner().post("/v1/sites/" + site + "/connections/acme/refresh").then().statusCode(200)
                .body("last_refreshed_at", notNullValue());
        assertEquals(1, grant.refreshes.get());
        String refreshed = api.as(st).get("/v1/site/connections/acme").path("access_token");
        assertNotEquals(accessToken, refreshed);
        assertEquals(grant.accessToken, refreshed, "the rotated tokens were saved and handed out");
        assertNoPlaintextTokens(grant);

        team.owner().delete("/v1/sites/" + site + "/connections/acme").then().statusCode(200)
                .body("revoked_at_provider", equalTo(true));
        assertTrue(grant.revoked);
        team.owner().get("/v1/sites/" + site + "/connections").then().body("data", hasSize(0));
        assertError(api.as(st).get("/v1/site/connections/acme"), 404, "not_found");
        team.owner().queryParam("action", "connection.").get("/v1/audit-events").then()
                .body("data.action", equalTo(List.of("connection.disconnected", "connection.refreshed",
                        "connection.connected", "connection.started")));
    }

    @Test
    void aTokenCloseToExpiryIsRefreshedBeforeItIsHandedOut() {
        connect(List.of("read"), 60).then().statusCode(200);
        String st = siteToken();
        Response fetched = api.as(st).get("/v1/site/connections/acme");
        fetched.then().statusCode(200);
        FakeOAuthServer.Grant grant = acme.grantOfAccessToken(fetched.path("access_token"));
        assertEquals(1, grant.refreshes.get(), "a token expiring within the margin is refreshed first");
        assertEquals(grant.accessToken, fetched.path("access_token"));
    }

    @Test
    void twoConcurrentFetchesOfAnExpiringTokenCauseOneRefresh() throws Exception {
        connect(List.of("read"), 30).then().statusCode(200);
        String st = siteToken();
        acme.refreshDelayMillis = 1500;
        try {
            var pool = Executors.newFixedThreadPool(2);
            List<Callable<String>> fetches = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fetches.add(() -> api.as(st).get("/v1/site/connections/acme").then().statusCode(200)
                        .extract().path("access_token"));
            }
            List<String> tokens = new ArrayList<>();
            for (var result : pool.invokeAll(fetches)) {
                tokens.add(result.get());
            }
            pool.shutdown();
            assertEquals(tokens.get(0), tokens.get(1), "both callers get the one refreshed token");
            assertEquals(1, acme.grantOfAccessToken(tokens.get(0)).refreshes.get());
        } finally {
            acme.refreshDelayMillis = 0;
        }
    }

    @Test
    void theScheduleRefreshesExpiringTokensWithoutAnyFetch() throws Exception {
        Response connected = connect(List.of("read"), 120);
        connected.then().statusCode(200);
        String st = siteToken();
        for (int attempt = 0; attempt < 40; attempt++) {
            Response view = team.owner().get("/v1/sites/" + site + "/connections/acme");
            if (view.path("last_refreshed_at") != null) {
                String token = api.as(st).get("/v1/site/connections/acme").path("access_token");
                assertEquals(1, acme.grantOfAccessToken(token).refreshes.get());
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the background job did not refresh the connection");
    }

    @Test
    void invalidGrantMarksTheConnectionReconnectRequiredAndStopsRetrying() {
        connect(List.of("read"), 3600).then().statusCode(200);
        acme.failNextRefreshWith = "invalid_grant";
        assertError(team.owner().post("/v1/sites/" + site + "/connections/acme/refresh"), 409, "reconnect_required");
        team.owner().get("/v1/sites/" + site + "/connections/acme").then()
                .body("status", equalTo("reconnect_required")).body("last_error", containsString("invalid_grant"))
                .body("status_reason", containsString("Connect acme again"));
        int calls = acme.refreshCalls.get();
        assertError(team.owner().post("/v1/sites/" + site + "/connections/acme/refresh"), 409, "reconnect_required");
        assertEquals(calls, acme.refreshCalls.get(), "a refused grant is not tried again");
        team.owner().queryParam("action", "connection.refresh_failed").get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].details.reason", equalTo("invalid_grant"));
    }

    @Test
    void aRevokedGrantIsRefusedOnTheVeryNextFetchAndNeverServedAgain() {
        connect(List.of("read"), 60).then().statusCode(200);
        String st = siteToken();
        Response first = api.as(st).get("/v1/site/connections/acme");
        first.then().statusCode(200);
        FakeOAuthServer.Grant grant = acme.grantOfAccessToken(first.path("access_token"));
        grant.revoked = true;
        TestDatabase.execute("update connections set expires_at = ? where site_id = ?",
                System.currentTimeMillis() + 60_000, site);
        Response refused = api.as(st).get("/v1/site/connections/acme");
        assertError(refused, 409, "reconnect_required");
        refused.then().body("message", containsString("acme refused the refresh"));
        TestDatabase.execute("update connections set expires_at = ? where site_id = ?",
                System.currentTimeMillis() + 3_600_000, site);
        assertError(api.as(st).get("/v1/site/connections/acme"), 409, "reconnect_required");
        TestDatabase.execute("update connections set expires_at = ? where site_id = ?",
                System.currentTimeMillis() - 1000, site);
        assertError(api.as(st).get("/v1/site/connections/acme"), 409, "reconnect_required");
        connect(List.of("read"), 3600).then().statusCode(200).body("status", equalTo("active"));
        api.as(st).get("/v1/site/connections/acme").then().statusCode(200);
    }

    @Test
    void anUnavailableProviderPostponesTheRefreshAndKeepsTheValidToken() {
        connect(List.of("read"), 3600).then().statusCode(200);
        String st = siteToken();
        String before = api.as(st).get("/v1/site/connections/acme").path("access_token");
        acme.failNextRefreshWith = "unavailable";
        Response postponed = team.owner().post("/v1/sites/" + site + "/connections/acme/refresh");
        assertError(postponed, 503, "unavailable");
        postponed.then().header("Retry-After", notNullValue()).body("message", containsString("retried at"));
        team.owner().get("/v1/sites/" + site + "/connections/acme").then()
                .body("status", equalTo("active")).body("refresh_failures", equalTo(1))
                .body("next_attempt_at", notNullValue());
        assertEquals(before, api.as(st).get("/v1/site/connections/acme").path("access_token"));
    }

    /**
     * The provider asks to wait: no path calls it again before the wait is over — not a fetch
     * (valid token: served; expired: 503 with Retry-After), not the background job, not a forced
     * refresh (429 with Retry-After) — and the connection recovers as soon as the wait ends.
     */
    @Test
    void retryAfterIsHonouredByEveryPath() throws Exception {
        // The provider refuses before the connection exists: the background refresher may reach the
        // due token before the fetch does, and either way exactly one refresh is attempted.
        acme.retryAfterSeconds = 20;
        acme.failRefreshesWith = "rate_limited";
        try {
            int before = acme.refreshCalls.get();
            connect(List.of("read"), 60).then().statusCode(200);
            String st = siteToken();
            api.as(st).get("/v1/site/connections/acme").then().statusCode(200);
            assertEquals(before + 1, acme.refreshCalls.get(), "the due token was tried once, by the fetch or the refresher");
            for (int i = 0; i < 3; i++) {
                api.as(st).get("/v1/site/connections/acme").then().statusCode(200);
            }
            Response forced = team.owner().post("/v1/sites/" + site + "/connections/acme/refresh");
            assertError(forced, 429, "rate_limited");
            assertTrue(Integer.parseInt(forced.header("Retry-After")) >= 15, forced.header("Retry-After"));
            TestDatabase.execute("update connections set expires_at = ? where site_id = ?",
                    System.currentTimeMillis() - 1000, site);
            Response expired = api.as(st).get("/v1/site/connections/acme");
            assertError(expired, 503, "unavailable");
            assertTrue(Integer.parseInt(expired.header("Retry-After")) >= 10, expired.header("Retry-After"));
            Thread.sleep(3000);
            assertEquals(before + 1, acme.refreshCalls.get(), "nothing called the provider during its Retry-After");
            acme.failRefreshesWith = null;
            TestDatabase.execute("update connections set next_attempt_at = ? where site_id = ?",
                    System.currentTimeMillis() - 1, site);
            api.as(st).get("/v1/site/connections/acme").then().statusCode(200);
            assertTrue(acme.refreshCalls.get() <= before + 2, "calls: " + (acme.refreshCalls.get() - before));
        } finally {
            acme.failRefreshesWith = null;
            acme.retryAfterSeconds = 1;
        }
    }

    /**
     * A refresh whose holder died (its lease left behind, its marker set): the lease blocks for
     * seconds, not a minute; the next fetch takes it over, refreshes when the provider did not
     * complete the dead refresh, and answers reconnect_required with the reason when it did.
     */
    @Test
    void anInterruptedRefreshIsTakenOverWithinSeconds() {
        connect(List.of("read"), 3600).then().statusCode(200);
        String st = siteToken();
        String before = api.as(st).get("/v1/site/connections/acme").path("access_token");
        FakeOAuthServer.Grant grant = acme.grantOfAccessToken(before);
        leaveDeadLease(4000);
        long started = System.currentTimeMillis();
        Response recovered = api.as(st).get("/v1/site/connections/acme");
        recovered.then().statusCode(200);
        long waited = System.currentTimeMillis() - started;
        assertTrue(waited < 12_000, "waited " + waited + " ms for the dead holder's lease");
        assertNotEquals(before, recovered.path("access_token"), "refreshed again, not the token the dead refresh held");
        assertEquals(grant.accessToken, recovered.path("access_token"));

        acme.rotateUnseen(grant);
        leaveDeadLease(0);
        Response lost = api.as(st).get("/v1/site/connections/acme");
        assertError(lost, 409, "reconnect_required");
        lost.then().body("message", containsString("interrupted"));
        team.owner().queryParam("action", "connection.refresh_interrupted").get("/v1/audit-events").then()
                .body("data", hasSize(2));
    }

    /** Plays a refresh whose instance died: its marker and a lease that ends in {@code leftMillis}. */
    private void leaveDeadLease(long leftMillis) {
        long now = System.currentTimeMillis();
        TestDatabase.execute("update connections set lease_owner = 'lease_dead', lease_until = ?, "
                + "refresh_started_at = ? where site_id = ?", now + leftMillis, now - 6000, site);
    }

    @Test
    void stateIsSingleUseAndExpires() {
        Response started = team.owner().body(Map.of("provider", "acme")).post("/v1/sites/" + site + "/connections");
        Map<String, String> query = query(started.path("authorize_url"));
        String code = acme.approve(query.get("code_challenge"), "read", 3600);
        api.anonymous().queryParam("state", (String) started.path("state")).queryParam("code", code)
                .get("/v1/connections/callback").then().statusCode(200);
        assertError(api.anonymous().queryParam("state", (String) started.path("state")).queryParam("code", code)
                .get("/v1/connections/callback"), 400, "invalid_request");

        Response stale = team.owner().body(Map.of("provider", "acme")).post("/v1/sites/" + site + "/connections");
        TestDatabase.execute("update connection_states set expires_at = ? where expires_at > ?",
                System.currentTimeMillis() - 1000, System.currentTimeMillis() + 60_000 * 9);
        var expired = api.anonymous().queryParam("state", (String) stale.path("state")).queryParam("code", "x")
                .get("/v1/connections/callback");
        assertError(expired, 400, "invalid_request");
        expired.then().body("message", containsString("expired"));
        assertError(api.anonymous().queryParam("state", "forged").queryParam("code", "x")
                .get("/v1/connections/callback"), 400, "invalid_request");
    }

    @Test
    void aBrowserLandsOnAPageThatLeadsBackToTheConsoleNotOnJson() {
        String browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        Response started = team.owner().body(Map.of("provider", "acme")).post("/v1/sites/" + site + "/connections");
        Map<String, String> query = query(started.path("authorize_url"));
        String code = acme.approve(query.get("code_challenge"), "read", 3600);
        Response page = api.anonymous().header("Accept", browserAccept)
                .queryParam("state", (String) started.path("state")).queryParam("code", code)
                .get("/v1/connections/callback");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .body(containsString("<h1>Connected</h1>"))
                .body(containsString("href=\"/console/#/sites/" + site + "/connections\""));
        team.owner().get("/v1/sites/" + site + "/connections").then().body("data[0].status", equalTo("active"));

        Response replayed = api.anonymous().header("Accept", browserAccept)
                .queryParam("state", (String) started.path("state")).queryParam("code", code)
                .get("/v1/connections/callback");
        replayed.then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Not connected")).body(not(containsString(code)));
        // A program asking for anything still gets the one JSON error shape.
        assertError(api.anonymous().queryParam("state", "<script>").queryParam("code", "x")
                .get("/v1/connections/callback"), 400, "invalid_request");
        api.anonymous().header("Accept", browserAccept).queryParam("state", "<script>alert(1)</script>")
                .queryParam("code", "x").get("/v1/connections/callback").then().statusCode(400)
                .body(not(containsString("<script>alert")));
    }

    @Test
    void denialAtTheProviderLeavesNoConnection() {
        Response started = team.owner().body(Map.of("provider", "acme")).post("/v1/sites/" + site + "/connections");
        assertError(api.anonymous().queryParam("state", (String) started.path("state"))
                .queryParam("error", "access_denied").get("/v1/connections/callback"), 403, "forbidden");
        team.owner().get("/v1/sites/" + site + "/connections").then().body("data", hasSize(0));
        var badCode = team.owner().body(Map.of("provider", "acme")).post("/v1/sites/" + site + "/connections");
        assertError(api.anonymous().queryParam("state", (String) badCode.path("state")).queryParam("code", "wrong")
                .get("/v1/connections/callback"), 400, "invalid_request");
        team.owner().get("/v1/sites/" + site + "/connections").then().body("data", hasSize(0));
        team.owner().queryParam("action", "connection.failed").get("/v1/audit-events").then().body("data", hasSize(2));
    }

    @Test
    void unknownProvidersAndScopesAreRejected() {
        assertError(team.owner().body(Map.of("provider", "nope")).post("/v1/sites/" + site + "/connections"),
                400, "invalid_request");
        var scopes = team.owner().body(Map.of("provider", "acme", "scopes", List.of("read", "admin")))
                .post("/v1/sites/" + site + "/connections");
        assertError(scopes, 400, "invalid_request");
        scopes.then().body("message", containsString("admin"));
    }

    @Test
    void reconnectingReplacesTheGrant() {
        connect(List.of("read"), 3600).then().statusCode(200).body("scopes", equalTo(List.of("read")));
        connect(List.of("read", "write"), 3600).then().statusCode(200).body("scopes", equalTo(List.of("read", "write")));
        team.owner().get("/v1/sites/" + site + "/connections").then().body("data", hasSize(1));
    }

    @Test
    void disconnectSucceedsLocallyWhenTheProviderIsDown() {
        connect(List.of("read"), 3600).then().statusCode(200);
        acme.revokeStatus = 503;
        try {
            team.owner().delete("/v1/sites/" + site + "/connections/acme").then().statusCode(200)
                    .body("revoked_at_provider", equalTo(false))
                    .body("note", containsString("could not revoke"));
        } finally {
            acme.revokeStatus = 200;
        }
        team.owner().get("/v1/sites/" + site + "/connections").then().body("data", hasSize(0));
    }

    @Test
    void theSiteTokenReadsItsOwnSitesConnectionsAndNothingElse() {
        connect(List.of("read"), 3600).then().statusCode(200);
        String st = siteToken();
        api.as(st).get("/v1/site/connections").then().statusCode(200).body("data", hasSize(1))
                .body("data[0]", not(org.hamcrest.Matchers.hasKey("access_token")));
        assertError(api.as(st).get("/v1/sites"), 403, "forbidden");
        assertError(api.as(st).get("/v1/sites/" + site + "/connections"), 403, "forbidden");
        assertError(api.as(st).get("/v1/sites/" + site + "/data/Thing/t1"), 403, "forbidden");
        assertError(api.as(st).contentType(ContentType.URLENC).formParam("token", team.ownerToken())
                .post("/v1/introspect"), 403, "forbidden");
        assertError(team.owner().get("/v1/site/connections"), 403, "forbidden");

        String other = team.createSite("other");
        String otherSt = team.owner().post("/v1/sites/" + other + "/site-token").path("token");
        api.as(otherSt).get("/v1/site/connections").then().body("data", hasSize(0));
        assertError(api.as(otherSt).get("/v1/site/connections/acme"), 404, "not_found");

        String rolled = siteToken();
        assertError(api.as(st).get("/v1/site/connections"), 401, "unauthorized");
        api.as(rolled).get("/v1/site/connections").then().statusCode(200);
        team.owner().queryParam("action", "site_token.").get("/v1/audit-events").then()
                .body("data.action", hasItem("site_token.rolled"));
    }

    private static void assertNoPlaintextTokens(FakeOAuthServer.Grant grant) throws Exception {
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from connections")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    String value = String.valueOf(rows.getObject(c));
                    for (String token : grant.issued) {
                        assertFalse(value.contains(token), "a provider token is stored in plaintext");
                    }
                }
            }
        }
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
