package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Member sessions at {@code /oauth/authorize} (issue 15): a session and remembered consent make
 * the next authorization silent, {@code prompt} overrides that, sessions and grants are listed
 * and revoked through the API, forms are single-use, bound to the browser and same-origin,
 * password guessing is throttled without locking the member out elsewhere, and every redirect
 * carries {@code iss}.
 */
class MemberSessionsIT extends DeployedLatchkey {

    static final String REDIRECT = "http://127.0.0.1:9/callback";
    static final String PASSWORD = "correct horse battery staple";

    TestTeam team;
    String ownerEmail;
    String clientId;
    String issuer;

    @BeforeEach
    void memberWithPasswordAndPublicClient() {
        team = api.newTeam();
        String site = team.createSite("notes");
        ownerEmail = team.owner().get("/v1/whoami").path("member.email");
        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        clientId = team.owner().body(Map.of("name", "Notes SPA", "type", "public", "environment", "test",
                        "redirect_uris", List.of(REDIRECT), "scopes", List.of("read", "write", "offline_access")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract().path("client_id");
        issuer = api.anonymous().get("/.well-known/oauth-authorization-server").path("issuer");
    }

    private Map<String, String> request(String scope, String state, String prompt) {
        Map<String, String> parameters = new HashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT, "scope", scope, "state", state, "code_challenge",
                OAuthCodeFlowIT.challenge("v".repeat(43)), "code_challenge_method", "S256"));
        if (prompt != null) {
            parameters.put("prompt", prompt);
        }
        return parameters;
    }

    private Response signIn(Browser browser, String scope, String state) {
        Response page = browser.authorize(request(scope, state, null));
        page.then().statusCode(200).body(containsString("name=\"password\""));
        Response posted = browser.post(page, Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow"));
        assertEquals(302, posted.statusCode(), posted.asString());
        return posted;
    }

    private Map<String, String> sentBack(Response response) {
        assertEquals(302, response.statusCode(), response.asString());
        assertTrue(response.header("Location").startsWith(REDIRECT + "?"), response.header("Location"));
        Map<String, String> query = OAuthCodeFlowIT.query(response.header("Location"));
        assertEquals(issuer, query.get("iss"), "every authorization response names its issuer (RFC 9207)");
        return query;
    }

    private Response exchange(String code) {
        return api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", clientId).formParam("code", code).formParam("redirect_uri", REDIRECT)
                .formParam("code_verifier", "v".repeat(43)).post("/oauth/token");
    }

    @Test
    void signingInStartsASessionAndRememberedConsentGivesTheNextCodeWithoutAPage() {
        Browser browser = new Browser(api);
        Response page = browser.authorize(request("read", "s1", null));
        String formCookie = page.header("Set-Cookie");
        assertTrue(formCookie.startsWith("latchkey_form=") && formCookie.contains("HttpOnly")
                && formCookie.contains("SameSite=Lax") && formCookie.contains("Path=/")
                && !formCookie.contains("Secure"), "plain http on loopback: no __Host- prefix, no Secure: " + formCookie);
        Response posted = browser.post(page, Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow"));
        Map<String, String> first = sentBack(posted);
        assertEquals("s1", first.get("state"));
        String sessionCookie = posted.header("Set-Cookie");
        assertTrue(sessionCookie.startsWith("latchkey_session=") && sessionCookie.contains("HttpOnly")
                && sessionCookie.contains("SameSite=Lax") && sessionCookie.contains("Max-Age=43200"), sessionCookie);
        exchange(first.get("code")).then().statusCode(200);

        Response silent = browser.authorize(request("read", "s2", null));
        Map<String, String> second = sentBack(silent);
        assertEquals("s2", second.get("state"));
        exchange(second.get("code")).then().statusCode(200).body("scope", equalTo("read"));

        String secret = browser.cookie("session");
        Response listed = team.owner().get("/v1/sessions");
        listed.then().statusCode(200).body("data", hasSize(1)).body("data[0].id", startsWith("ses_"))
                .body("data[0].member_id", equalTo(team.ownerId())).body("data[0].ip", notNullValue())
                .body("data[0].expires_at", notNullValue()).body("data[0].idle_expires_at", notNullValue());
        assertFalse(listed.asString().contains(secret), "the cookie value is never shown");
        team.owner().queryParam("action", "session.signed_in").get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].target.id", equalTo(listed.path("data[0].id")))
                .body("data[0].actor.id", equalTo(team.ownerId()));
        team.owner().queryParam("action", "oauth.authorized").get("/v1/audit-events").then()
                .body("data[0].details.consent", equalTo("remembered"));
        String exported = team.owner().get("/v1/audit-events/export").asString();
        assertFalse(exported.contains(secret) || exported.contains(PASSWORD), "no cookie value nor password audited");
    }

    @Test
    void promptNoneLoginAndConsentBehaveAsInOpenIdConnect() {
        Browser browser = new Browser(api);
        Map<String, String> none = sentBack(browser.authorize(request("read", "n1", "none")));
        assertEquals("login_required", none.get("error"));
        assertEquals("n1", none.get("state"));

        signIn(browser, "read", "s");
        Map<String, String> wider = sentBack(browser.authorize(request("read write", "n2", "none")));
        assertEquals("consent_required", wider.get("error"));
        assertNotNull(sentBack(browser.authorize(request("read", "n3", "none"))).get("code"),
                "prompt=none with a session and remembered consent gives a code");

        browser.authorize(request("read", "l", "login")).then().statusCode(200)
                .body(containsString("name=\"password\""));
        Response consent = browser.authorize(request("read", "c", "consent"));
        consent.then().statusCode(200).body(containsString("Signed in as")).body(not(containsString(
                "name=\"password\"")));
        Map<String, String> allowed = sentBack(browser.post(consent, Map.of("decision", "allow")));
        exchange(allowed.get("code")).then().statusCode(200);

        Map<String, String> conflicting = sentBack(browser.authorize(request("read", "x", "none login")));
        assertEquals("invalid_request", conflicting.get("error"));
        assertEquals("invalid_request", sentBack(browser.authorize(request("read", "x", "sometimes"))).get("error"));
    }

    @Test
    void everySignInGetsANewSessionIdAndEndsTheOneTheBrowserHad() {
        Browser browser = new Browser(api);
        String planted = "A".repeat(43);
        browser.cookies.put("latchkey_session", planted);
        signIn(browser, "read", "s");
        String first = browser.cookie("session");
        assertNotEquals(planted, first, "a cookie value the browser brought is never adopted (session fixation)");

        Response again = browser.authorize(request("read", "s", "login"));
        browser.post(again, Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow"))
                .then().statusCode(302);
        assertNotEquals(first, browser.cookie("session"), "signing in again rotates the id");
        team.owner().get("/v1/sessions").then().body("data", hasSize(1));
        team.owner().queryParam("action", "session.signed_out").get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].details.reason", equalTo("signed_in_again"));
    }

    @Test
    void aRevokedSessionSignsInNoMoreAndOnlyItsMemberOrAnOwnerRevokesIt() {
        Browser browser = new Browser(api);
        signIn(browser, "read", "s");
        String id = team.owner().get("/v1/sessions").path("data[0].id");
        team.owner().get("/v1/members/" + team.ownerId() + "/sessions").then().statusCode(200)
                .body("data[0].id", equalTo(id));

        TestTeam other = api.newTeam();
        assertError(other.owner().delete("/v1/sessions/" + id), 404, "not_found");
        assertError(team.owner().delete("/v1/sessions/ses_nothing"), 404, "not_found");

        team.owner().delete("/v1/sessions/" + id).then().statusCode(200).body("revoked_at", notNullValue());
        team.owner().get("/v1/sessions").then().body("data", hasSize(0));
        browser.authorize(request("read", "s", null)).then().statusCode(200)
                .body(containsString("name=\"password\""));
        team.owner().queryParam("action", "session.revoked").get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].target.id", equalTo(id));
    }

    @Test
    void formsAreSingleUseBoundToTheirBrowserAndPostedOnlyFromLatchkeysOwnOrigin() {
        Map<String, String> fields = Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow");
        Browser browser = new Browser(api);
        Response page = browser.authorize(request("read", "s", null));
        Response crossSite = browser.post(page, fields, Map.of("Origin", "https://evil.example"));
        crossSite.then().statusCode(403).contentType(containsString("text/html"));
        assertNull(crossSite.header("Location"));
        Response refererOnly = browser.post(page, fields, Map.of("Referer", "https://evil.example/login"));
        refererOnly.then().statusCode(403);
        assertError403IsAPage(browser.post(page, fields, Map.of("Origin", "null")));

        Response sameOrigin = browser.post(page, fields, Map.of("Origin", Api.baseOf(api)));
        assertNotNull(sentBack(sameOrigin).get("code"));
        Response replayed = browser.post(page, fields, Map.of("Origin", Api.baseOf(api)));
        replayed.then().statusCode(400).body(containsString("already used"));
        assertNull(replayed.header("Location"), "a replayed form gives no second code");

        Response another = new Browser(api).authorize(request("read", "s", null));
        Response elsewhere = new Browser(api).post(another, fields);
        elsewhere.then().statusCode(400).body(containsString("not shown to this browser"));
        assertNull(elsewhere.header("Location"));
    }

    private static void assertError403IsAPage(Response response) {
        response.then().statusCode(403).contentType(containsString("text/html"));
        assertNull(response.header("Location"));
    }

    @Test
    void guessingIsThrottledPerAddressEvenForTheRightPasswordButNotFromElsewhere() {
        String attacker = "198.51.100." + (10 + (int) (Math.random() * 200));
        Browser guesser = null;
        Response answer = null;
        // The address's failures are counted in the bucket API authentication uses: fill it fast
        // with bad API keys, then guess until refused and post the right password at once (both
        // forms fetched beforehand). The bucket gives an attempt back every few hundred
        // milliseconds, so a round where one came back in between is tried again, in a new browser.
        for (int round = 0; round < 5; round++) {
            guesser = new Browser(api).from(attacker);
            Response wrongForm = guesser.authorize(request("read", "s", null));
            Response rightForm = guesser.authorize(request("read", "s", null));
            int guesses = 0;
            while (guesses++ < 400 && api.as(TokenShapes.wellFormed("sk_test_")).header("X-Forwarded-For", attacker)
                    .get("/v1/whoami").statusCode() != 429) {
                // guessing until refused
            }
            Response wrong = guesser.post(wrongForm, Map.of("email", ownerEmail, "password",
                    "not the password at all", "decision", "allow"));
            if (wrong.statusCode() != 429) {
                continue;
            }
            wrong.then().body(containsString("Too many failed sign-ins"));
            answer = guesser.post(rightForm, Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow"));
            if (answer.statusCode() == 429) {
                break;
            }
        }
        assertNotNull(answer, "guessing was never throttled");
        answer.then().statusCode(429).header("Retry-After", notNullValue()).contentType(containsString("text/html"));
        assertNull(answer.header("Location"), "the right password is refused while throttled: no code");
        assertNull(guesser.cookie("session"));

        Browser member = new Browser(api).from("203.0.113." + (10 + (int) (Math.random() * 200)));
        signIn(member, "read", "elsewhere");
        assertNotNull(member.cookie("session"), "the member signs in from another address meanwhile");
    }

    @Test
    void revokingAGrantForgetsTheConsentAndEndsTheTokensIssuedUnderIt() {
        Browser browser = new Browser(api);
        Response tokens = exchange(sentBack(signIn(browser, "read offline_access", "s")).get("code"));
        tokens.then().statusCode(200);
        Response grants = team.owner().get("/v1/oauth-grants");
        grants.then().statusCode(200).body("data", hasSize(1)).body("data[0].id", startsWith("grant_"))
                .body("data[0].client_id", equalTo(clientId))
                .body("data[0].scopes", equalTo(List.of("offline_access", "read")));
        String grant = grants.path("data[0].id");
        assertError(api.newTeam().owner().delete("/v1/oauth-grants/" + grant), 404, "not_found");

        team.owner().delete("/v1/oauth-grants/" + grant).then().statusCode(200).body("revoked_at", notNullValue());
        assertError(api.as((String) tokens.path("access_token")).get("/v1/whoami"), 401, "unauthorized");
        team.owner().get("/v1/oauth-grants").then().body("data", hasSize(0));
        browser.authorize(request("read", "s", null)).then().statusCode(200).body(containsString("Signed in as"));
        team.owner().queryParam("action", "oauth_consent.revoked").get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].details.grant_id", equalTo(grant));
    }
}
