package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.fake.FakeProviderServer;
import dev.latchkey.providers.github.FakeGitHub;
import dev.latchkey.providers.salesforce.FakeSalesforce;
import dev.latchkey.providers.stripe.FakeStripe;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundled GitHub, Stripe and Salesforce plugins on a bad day, through the real runtime,
 * against the fakes their modules test with (each with its provider's documented answers): a
 * revoked grant, a refused platform key, a provider asking to wait, an account shared by two
 * sites, a connect that fails after the code exchange, a token without a refresh token that
 * runs out. Each test reproduces a symptom of issue 14.
 */
class ProviderFailuresIT extends DeployedLatchkey {

    static FakeGitHub github;
    static FakeStripe stripe;
    static FakeSalesforce salesforce;

    TestTeam team;
    String siteA;
    String siteB;

    @BeforeAll
    static void startFakes() {
        github = new FakeGitHub(Integer.getInteger("latchkey.it.fake-github-port"));
        stripe = new FakeStripe(Integer.getInteger("latchkey.it.fake-stripe-port"));
        salesforce = new FakeSalesforce(Integer.getInteger("latchkey.it.fake-salesforce-port"));
    }

    @AfterAll
    static void stopFakes() {
        github.close();
        stripe.close();
        salesforce.close();
    }

    @BeforeEach
    void sites() {
        team = api.newTeam();
        siteA = team.createSite("a");
        siteB = team.createSite("b");
        github.kind(FakeGitHub.Kind.OAUTH_APP);
    }

    /** Starts a connection, plays the user approving it at the fake, and answers the callback. */
    private Response connect(String site, String provider, List<String> scopes, Approver approver) throws Exception {
        Response started = team.owner().body(scopes == null ? Map.of("provider", provider)
                : Map.of("provider", provider, "scopes", scopes)).post("/v1/sites/" + site + "/connections");
        started.then().statusCode(201);
        URI callback = approver.approve(URI.create(started.path("authorize_url")));
        Map<String, String> query = FakeProviderServer.parseForm(callback.getRawQuery());
        return api.anonymous().queryParam("state", query.get("state")).queryParam("code", query.get("code"))
                .get("/v1/connections/callback");
    }

    private interface Approver {
        URI approve(URI authorizeUrl) throws Exception;
    }

    private String siteToken(String site) {
        return team.owner().post("/v1/sites/" + site + "/site-token").then().statusCode(201).extract().path("token");
    }

    private Response fetchOn(String siteToken, String provider) {
        return api.as(siteToken).get("/v1/site/connections/" + provider);
    }

    private void expiresIn(String site, Duration left) {
        TestDatabase.execute("update connections set expires_at = ? where site_id = ?",
                System.currentTimeMillis() + left.toMillis(), site);
    }

    private Response view(String site, String provider) {
        return team.owner().get("/v1/sites/" + site + "/connections/" + provider);
    }

    @Test
    void gitHubDisconnectingOneSiteLeavesAnotherSitesConnectionToTheSameAccountWorking() throws Exception {
        connect(siteA, "github", null, github::consent).then().statusCode(200);
        connect(siteB, "github", null, github::consent).then().statusCode(200);
        String stA = siteToken(siteA);
        String stB = siteToken(siteB);
        String tokenA = fetchOn(stA, "github").path("access_token");
        String tokenB = fetchOn(stB, "github").path("access_token");
        assertNotEquals(tokenA, tokenB);

        team.owner().delete("/v1/sites/" + siteA + "/connections/github").then().statusCode(200)
                .body("revoke", equalTo("token")).body("revoked_at_provider", equalTo(true))
                .body("other_connections_ended", equalTo(0));
        assertFalse(github.live(tokenA), "site A's token was revoked at GitHub");
        assertTrue(github.live(tokenB), "site B's token, same GitHub user, still works at GitHub");
        fetchOn(stB, "github").then().statusCode(200).body("access_token", equalTo(tokenB));

        connect(siteA, "github", null, github::consent).then().statusCode(200);
        team.owner().queryParam("revoke", "account").delete("/v1/sites/" + siteA + "/connections/github").then()
                .statusCode(200).body("revoke", equalTo("account")).body("revoked_at_provider", equalTo(true))
                .body("other_connections_ended", equalTo(1));
        assertFalse(github.live(tokenB), "revoking the account ends every grant of that user");
        view(siteB, "github").then().body("status", equalTo("reconnect_required"))
                .body("status_reason", containsString("was disconnected from Latchkey"));
        assertError(fetchOn(stB, "github"), 409, "reconnect_required");
    }

    /**
     * A token that never expires is never refreshed: the user revoking the app at GitHub is
     * found by the check (the schedule's, every LATCHKEY_CONNECTIONS_CHECK_INTERVAL_SECONDS, and
     * a forced refresh's), and from then on nothing is served.
     */
    @Test
    void gitHubTokensWithoutExpiryRevokedAtGitHubAreNoticedByTheCheck() throws Exception {
        connect(siteA, "github", null, github::consent).then().statusCode(200);
        String st = siteToken(siteA);
        fetchOn(st, "github").then().statusCode(200);
        team.owner().post("/v1/sites/" + siteA + "/connections/github/refresh").then().statusCode(200)
                .body("status", equalTo("active"));
        github.revokeAll();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"reconnect_required".equals(view(siteA, "github").path("status"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the scheduled check found the revocation");
            Thread.sleep(250);
        }
        view(siteA, "github").then().body("status_reason", containsString("no longer accepts the token"));
        assertError(fetchOn(st, "github"), 409, "reconnect_required");
        assertError(team.owner().post("/v1/sites/" + siteA + "/connections/github/refresh"), 409, "reconnect_required");

        connect(siteB, "github", null, github::consent).then().statusCode(200);
        github.revokeAll();
        assertError(team.owner().post("/v1/sites/" + siteB + "/connections/github/refresh"), 409, "reconnect_required");
    }

    @Test
    void gitHubAppRevokedGrantIsRefusedAtTheNextFetchAndRetryAfterIsHonoured() throws Exception {
        github.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
        connect(siteA, "github", null, github::consent).then().statusCode(200);
        String st = siteToken(siteA);
        expiresIn(siteA, Duration.ofSeconds(60));
        int before = github.refreshes();
        github.answerNext(FakeGitHub.TOKEN_PATH, 429, "{\"message\":\"slow down\"}", Map.of("Retry-After", "20"));
        fetchOn(st, "github").then().statusCode(200);
        fetchOn(st, "github").then().statusCode(200);
        Response forced = team.owner().post("/v1/sites/" + siteA + "/connections/github/refresh");
        assertError(forced, 429, "rate_limited");
        assertTrue(Integer.parseInt(forced.header("Retry-After")) >= 15, forced.header("Retry-After"));
        expiresIn(siteA, Duration.ofSeconds(-1));
        Response expired = fetchOn(st, "github");
        assertError(expired, 503, "unavailable");
        assertTrue(Integer.parseInt(expired.header("Retry-After")) >= 10, expired.header("Retry-After"));
        Thread.sleep(2500);
        assertEquals(before + 1, github.refreshes(), "one call, then nothing during GitHub's Retry-After");

        github.revokeAll();
        TestDatabase.execute("update connections set next_attempt_at = ? where site_id = ?",
                System.currentTimeMillis() - 1, siteA);
        Response refused = fetchOn(st, "github");
        assertError(refused, 409, "reconnect_required");
        refused.then().body("message", containsString("github refused the refresh"));
    }

    @Test
    void aConnectThatFailsAfterTheCodeExchangeRevokesTheFreshGrant() throws Exception {
        int revocations = revocations();
        github.answerNext(FakeGitHub.USER_PATH, 503, "{\"message\":\"Service unavailable\"}", Map.of());
        assertError(connect(siteA, "github", null, github::consent), 503, "unavailable");
        team.owner().get("/v1/sites/" + siteA + "/connections").then().body("data.size()", equalTo(0));
        assertEquals(revocations + 1, revocations(), "the token GitHub issued was revoked, not left live");
    }

    private static int revocations() {
        return (int) github.seen(FakeGitHub.APP_TOKEN_PATH).stream().filter(r -> "DELETE".equals(r.method())).count();
    }

    @Test
    void stripeRefusesToDeauthorizeASharedAccountUnlessAskedAndMarksTheOthers() throws Exception {
        String account = newStripeAccount();
        connect(siteA, "stripe", null, url -> stripe.consent(url, account)).then().statusCode(200);
        connect(siteB, "stripe", null, url -> stripe.consent(url, account)).then().statusCode(200);
        String stB = siteToken(siteB);

        Response refused = team.owner().delete("/v1/sites/" + siteA + "/connections/stripe");
        assertError(refused, 409, "conflict");
        refused.then().body("message", containsString("revoke=account"));
        team.owner().queryParam("revoke", "none").delete("/v1/sites/" + siteA + "/connections/stripe").then()
                .statusCode(200).body("revoke", equalTo("none")).body("revoked_at_provider", equalTo(false));
        assertTrue(stripe.isConnected(account));
        fetchOn(stB, "stripe").then().statusCode(200);

        connect(siteA, "stripe", null, url -> stripe.consent(url, account)).then().statusCode(200);
        team.owner().queryParam("revoke", "account").delete("/v1/sites/" + siteA + "/connections/stripe").then()
                .statusCode(200).body("revoked_at_provider", equalTo(true)).body("other_connections_ended", equalTo(1));
        assertFalse(stripe.isConnected(account));
        assertError(fetchOn(stB, "stripe"), 409, "reconnect_required");
        team.owner().queryParam("action", "connection.reconnect_required").get("/v1/audit-events").then()
                .body("data.size()", equalTo(1));
    }

    @Test
    void stripeDisconnectWithARefusedPlatformKeyIsNotReportedAsRevoked() throws Exception {
        String account = newStripeAccount();
        connect(siteA, "stripe", null, url -> stripe.consent(url, account)).then().statusCode(200);
        stripe.refusePlatformKey(true);
        try {
            team.owner().delete("/v1/sites/" + siteA + "/connections/stripe").then().statusCode(200)
                    .body("revoked_at_provider", equalTo(false)).body("note", containsString("could not revoke"));
        } finally {
            stripe.refusePlatformKey(false);
        }
        assertTrue(stripe.isConnected(account), "the grant is still live at Stripe, and Latchkey says so");

        connect(siteA, "stripe", null, url -> stripe.consent(url, account)).then().statusCode(200);
        stripe.accountDisconnects(account);
        team.owner().delete("/v1/sites/" + siteA + "/connections/stripe").then().statusCode(200)
                .body("revoked_at_provider", equalTo(true));
    }

    @Test
    void stripeAfterARefusedForcedRefreshNothingIsServed() throws Exception {
        String account = newStripeAccount();
        connect(siteA, "stripe", null, url -> stripe.consent(url, account)).then().statusCode(200);
        String st = siteToken(siteA);
        fetchOn(st, "stripe").then().statusCode(200);
        stripe.accountDisconnects(account);
        Response forced = team.owner().post("/v1/sites/" + siteA + "/connections/stripe/refresh");
        assertError(forced, 409, "reconnect_required");
        assertError(fetchOn(st, "stripe"), 409, "reconnect_required");
    }

    @Test
    void salesforceWithoutARefreshTokenIsRefusedOnceItsSessionEnds() throws Exception {
        connect(siteA, "salesforce", List.of("api"), salesforce::consent).then().statusCode(200);
        String st = siteToken(siteA);
        fetchOn(st, "salesforce").then().statusCode(200);
        expiresIn(siteA, Duration.ofSeconds(10));
        Response ended = fetchOn(st, "salesforce");
        assertError(ended, 409, "reconnect_required");
        ended.then().body("message", containsString("no refresh token"));
        expiresIn(siteA, Duration.ofSeconds(-3600));
        assertError(fetchOn(st, "salesforce"), 409, "reconnect_required");
    }

    @Test
    void salesforceRevokedAtSalesforceIsRefusedAtTheNextFetch() throws Exception {
        connect(siteA, "salesforce", null, salesforce::consent).then().statusCode(200);
        String st = siteToken(siteA);
        salesforce.revokeAll();
        expiresIn(siteA, Duration.ofSeconds(60));
        assertError(fetchOn(st, "salesforce"), 409, "reconnect_required");
    }

    private static String newStripeAccount() {
        String id = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        stripe.addAccount(new JSONObject().put("id", id).put("object", "account")
                .put("business_profile", new JSONObject().put("name", "Shop " + id)));
        return id;
    }
}
