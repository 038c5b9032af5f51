package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
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
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Member sessions at {@code /oauth/authorize} (issue 15): a session and remembered consent make
 * the next authorization silent, {@code prompt} overrides that, sessions and grants are listed
 * and revoked through the API, forms are single-use, bound to the browser and same-origin,
 * password guessing is throttled without locking the member out elsewhere, and every redirect
 * carries {@code iss}. And the console's session (issue 17): signing in through the API, the
 * cookie as a credential wherever a member's token is taken, its CSRF token, timeouts, sign-out,
 * and the current password asked before changing it.
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

    static final String COOKIE = "latchkey_session";
    static final String CSRF = "X-CSRF-Token";

    private Response consoleSignIn(Map<String, String> body) {
        return api.anonymous().body(body).post("/v1/sessions");
    }

    /** Signs the owner in through the API: the session's body (with its csrf_token) and cookie value. */
    private ConsoleSession consoleSignIn() {
        Response signedIn = consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD));
        signedIn.then().statusCode(201);
        return new ConsoleSession(signedIn.getCookie(COOKIE), signedIn.path("csrf_token"), signedIn.path("id"));
    }

    /** What a console holds after signing in: the cookie (the browser keeps it) and the CSRF token. */
    private record ConsoleSession(String cookie, String csrf, String id) {
    }

    private RequestSpecification withCookie(ConsoleSession session) {
        return api.anonymous().cookie(COOKIE, session.cookie());
    }

    private RequestSpecification withCookieAndCsrf(ConsoleSession session) {
        return withCookie(session).header(CSRF, session.csrf());
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

    @Test
    void signingInThroughTheApiGivesASessionWhoseCookieActsForTheMemberLikeAPersonalToken() {
        Response signedIn = consoleSignIn(Map.of("email", ownerEmail.toUpperCase(), "password", PASSWORD));
        signedIn.then().statusCode(201).header("Cache-Control", "no-store")
                .body("id", startsWith("ses_")).body("team.id", equalTo(team.id()))
                .body("team.name", notNullValue()).body("member.id", equalTo(team.ownerId()))
                .body("member.email", equalTo(ownerEmail)).body("member.name", notNullValue())
                .body("member.role", equalTo("owner")).body("csrf_token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("expires_at", notNullValue()).body("idle_expires_at", notNullValue());
        String setCookie = signedIn.header("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "=") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/")
                && setCookie.contains("Max-Age=43200"), "the authorize page's cookie: " + setCookie);
        ConsoleSession session = new ConsoleSession(signedIn.getCookie(COOKIE), signedIn.path("csrf_token"),
                signedIn.path("id"));
        assertFalse(signedIn.asString().contains(session.cookie()), "the cookie value is only in the cookie");
        assertNotEquals(session.cookie(), session.csrf());

        withCookie(session).get("/v1/whoami").then().statusCode(200).body("kind", equalTo("session"))
                .body("id", equalTo(session.id())).body("member.id", equalTo(team.ownerId()))
                .body("team.id", equalTo(team.id())).body("permissions", org.hamcrest.Matchers.containsInAnyOrder("read",
                        "write", "delete", "admin"));
        withCookie(session).get("/v1/session").then().statusCode(200).header("Cache-Control", "no-store")
                .body("id", equalTo(session.id())).body("csrf_token", equalTo(session.csrf()))
                .body("member.role", equalTo("owner"));
        assertError(team.owner().get("/v1/session"), 403, "forbidden");

        String site = withCookieAndCsrf(session).body(Map.of("name", "from the console")).post("/v1/sites")
                .then().statusCode(201).extract().path("id");
        team.owner().queryParam("action", "site.created").queryParam("target", site).get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].actor.type", equalTo("member"))
                .body("data[0].actor.id", equalTo(team.ownerId()))
                .body("data[0].actor.credential_id", equalTo(session.id()));

        Browser browser = new Browser(api);
        browser.cookies.put(COOKIE, session.cookie());
        browser.authorize(request("read", "s", null)).then().statusCode(200).body(containsString("Signed in as"))
                .body(not(containsString("name=\"password\"")));
    }

    @Test
    void aChangeMadeWithTheCookieNeedsTheSessionsCsrfTokenAndChangesNothingWithout() {
        ConsoleSession session = consoleSignIn();
        int sites = team.owner().get("/v1/sites").path("data.size()");
        assertError(withCookie(session).body(Map.of("name", "forged")).post("/v1/sites"), 403, "csrf_token_invalid");
        assertError(withCookie(session).header(CSRF, session.csrf().substring(1) + "A")
                .body(Map.of("name", "forged")).post("/v1/sites"), 403, "csrf_token_invalid");
        assertError(withCookie(session).header(CSRF, "").body(Map.of("name", "forged")).post("/v1/sites"),
                403, "csrf_token_invalid");
        assertError(withCookie(session).delete("/v1/session"), 403, "csrf_token_invalid");
        assertEquals(sites, (int) team.owner().get("/v1/sites").path("data.size()"), "nothing was created");
        withCookie(session).get("/v1/whoami").then().statusCode(200);

        ConsoleSession another = new ConsoleSession(session.cookie(), csrfOfAnotherSession(), session.id());
        assertError(withCookieAndCsrf(another).body(Map.of("name", "forged")).post("/v1/sites"), 403,
                "csrf_token_invalid");

        // Another origin may never read an answer with the cookie: no CORS on /v1 at all.
        Response preflight = api.anonymous().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", CSRF)
                .options("/v1/sites");
        assertNull(preflight.header("Access-Control-Allow-Origin"));
        assertNull(preflight.header("Access-Control-Allow-Credentials"));
        Response read = withCookie(session).header("Origin", "https://evil.example").get("/v1/session");
        assertNull(read.header("Access-Control-Allow-Origin"));
        assertNull(read.header("Access-Control-Allow-Credentials"));
    }

    private String csrfOfAnotherSession() {
        return consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD)).path("csrf_token");
    }

    @Test
    void aCredentialInAHeaderWinsOverTheCookie() {
        ConsoleSession session = consoleSignIn();
        String developer = team.memberToken("developer");
        withCookie(session).header("Authorization", "Bearer " + developer).get("/v1/whoami").then()
                .statusCode(200).body("kind", equalTo("personal_token")).body("member.role", equalTo("developer"));
        withCookie(session).header("X-API-Key", developer).get("/v1/whoami").then()
                .body("kind", equalTo("personal_token"));
        assertError(withCookie(session).header("Authorization", "Bearer " + TokenShapes.wellFormed("pat_"))
                .get("/v1/whoami"), 401, "unauthorized");
        // A header credential needs no CSRF token: no browser sends one by itself.
        team.owner().cookie(COOKIE, session.cookie()).body(Map.of("name", "by token")).post("/v1/sites")
                .then().statusCode(201);
    }

    @Test
    void theCookieIsTakenOnlyWhereAMembersTokenIsAndTheRolesRulesStillApply() {
        String site = team.createSite("data");
        ConsoleSession session = consoleSignIn();
        assertError(withCookie(session).get("/v1/site/connections"), 401, "unauthorized");
        assertError(withCookieAndCsrf(session).body(Map.of("name", "x")).put("/v1/sites/" + site
                + "/data/Customer/c1"), 401, "unauthorized");
        assertError(withCookie(session).get("/v1/sites/" + site + "/data/Customer"), 401, "unauthorized");
        withCookie(session).get("/oauth/userinfo").then().statusCode(401);

        String developerEmail = "dev-" + System.nanoTime() + "@example.com";
        String developer = team.owner().body(Map.of("email", developerEmail, "name", "Dev", "role", "developer",
                "password", PASSWORD)).post("/v1/members").then().statusCode(201).extract().path("id");
        Response signedIn = consoleSignIn(Map.of("email", developerEmail, "password", PASSWORD, "team_id", team.id()));
        signedIn.then().statusCode(201).body("member.role", equalTo("developer"));
        ConsoleSession devSession = new ConsoleSession(signedIn.getCookie(COOKIE), signedIn.path("csrf_token"),
                signedIn.path("id"));
        assertError(withCookieAndCsrf(devSession).delete("/v1/members/" + team.ownerId()), 403, "forbidden");
        assertError(withCookieAndCsrf(devSession).body(Map.of("name", "t", "owner_email", "x@example.com",
                "owner_name", "x")).post("/v1/teams"), 403, "forbidden");
        withCookie(devSession).get("/v1/members/" + developer).then().statusCode(200);
    }

    @Test
    void signingOutEndsTheSessionAtOnceAndARevokedOrTimedOutSessionIsRefused() {
        ConsoleSession session = consoleSignIn();
        Response out = withCookieAndCsrf(session).delete("/v1/session");
        out.then().statusCode(204);
        assertTrue(out.header("Set-Cookie").startsWith(COOKIE + "=;") && out.header("Set-Cookie").contains("Max-Age=0"),
                out.header("Set-Cookie"));
        assertError(withCookie(session).get("/v1/whoami"), 401, "unauthorized");
        assertError(withCookie(session).get("/v1/session"), 401, "unauthorized");
        team.owner().queryParam("action", "session.signed_out").queryParam("target", session.id())
                .get("/v1/audit-events").then().body("data", hasSize(1))
                .body("data[0].details.reason", equalTo("signed_out"));

        ConsoleSession revoked = consoleSignIn();
        team.owner().delete("/v1/sessions/" + revoked.id()).then().statusCode(200);
        assertError(withCookie(revoked).get("/v1/whoami"), 401, "unauthorized");

        ConsoleSession idle = consoleSignIn();
        withCookie(idle).get("/v1/whoami").then().statusCode(200);
        TestDatabase.execute("update member_sessions set idle_expires_at = ? where id = ?",
                Instant.now().minusSeconds(1).toEpochMilli(), idle.id());
        assertError(withCookie(idle).get("/v1/whoami"), 401, "unauthorized");
        team.owner().get("/v1/sessions").then().body("data.id", not(org.hamcrest.Matchers.hasItem(idle.id())));

        ConsoleSession old = consoleSignIn();
        TestDatabase.execute("update member_sessions set expires_at = ? where id = ?",
                Instant.now().minusSeconds(1).toEpochMilli(), old.id());
        assertError(withCookie(old).get("/v1/whoami"), 401, "unauthorized");

        ConsoleSession used = consoleSignIn();
        String idleBefore = withCookie(used).get("/v1/session").path("idle_expires_at");
        TestDatabase.execute("update member_sessions set idle_expires_at = ? where id = ?",
                Instant.now().plusSeconds(60).toEpochMilli(), used.id());
        String idleAfter = withCookie(used).get("/v1/session").path("idle_expires_at");
        assertTrue(Instant.parse(idleAfter).isAfter(Instant.now().plusSeconds(25 * 60)),
                "each use starts the idle timeout again: " + idleBefore + " -> " + idleAfter);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswerAndNoCookie() {
        Response wrong = consoleSignIn(Map.of("email", ownerEmail, "password", "not the password at all"));
        assertError(wrong, 401, "unauthorized");
        Response unknown = consoleSignIn(Map.of("email", "nobody-" + System.nanoTime() + "@example.com",
                "password", PASSWORD));
        assertError(unknown, 401, "unauthorized");
        assertEquals((String) wrong.path("message"), (String) unknown.path("message"));
        assertError(consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD, "team_id",
                api.newTeam().id())), 401, "unauthorized");
        assertNull(wrong.header("Set-Cookie"));
        assertNull(unknown.header("Set-Cookie"));
        assertError(consoleSignIn(Map.of("email", ownerEmail)), 400, "invalid_request");
        assertError(consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD, "remember", "yes")), 400,
                "invalid_request");
    }

    @Test
    void anEmailWithTheSamePasswordInTwoTeamsIsAskedWhichTeamButOnlyAfterTheRightPassword() {
        Response second = api.as(Api.bootstrapToken()).body(Map.of("name", "Second " + System.nanoTime(),
                "owner_email", ownerEmail, "owner_name", "Same Person")).post("/v1/teams");
        second.then().statusCode(201);
        String secondTeam = second.path("id");
        String secondOwner = second.path("owner.id");
        api.as((String) second.path("token")).body(Map.of("password", PASSWORD))
                .put("/v1/members/" + secondOwner + "/password").then().statusCode(204);

        assertError(consoleSignIn(Map.of("email", ownerEmail, "password", "not the password at all")), 401,
                "unauthorized");
        Response ambiguous = consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD));
        assertError(ambiguous, 400, "invalid_request");
        ambiguous.then().body("errors[0].field", equalTo("team_id"))
                .body("details.teams.id", org.hamcrest.Matchers.containsInAnyOrder(team.id(), secondTeam))
                .body("details.teams.name", everyItem(notNullValue()));
        assertNull(ambiguous.header("Set-Cookie"));

        consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD, "team_id", secondTeam)).then()
                .statusCode(201).body("team.id", equalTo(secondTeam)).body("member.id", equalTo(secondOwner));
        api.as((String) second.path("token")).body(Map.of("password", "another password entirely",
                        "current_password", PASSWORD))
                .put("/v1/members/" + secondOwner + "/password").then().statusCode(204);
        consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD)).then().statusCode(201)
                .body("team.id", equalTo(team.id()));
    }

    @Test
    void changingOnesOwnPasswordFromASessionNeedsTheCurrentOneAndEndsTheOtherSessions() {
        ConsoleSession session = consoleSignIn();
        ConsoleSession elsewhere = consoleSignIn();
        String path = "/v1/members/" + team.ownerId() + "/password";
        String next = "a brand new passphrase";
        Response missing = withCookieAndCsrf(session).body(Map.of("password", next)).put(path);
        assertError(missing, 400, "invalid_request");
        missing.then().body("errors[0].field", equalTo("current_password"));
        assertError(withCookieAndCsrf(session).body(Map.of("password", next, "current_password", "wrong wrong wrong"))
                .put(path), 400, "invalid_request");
        consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD)).then().statusCode(201);

        withCookieAndCsrf(session).body(Map.of("password", next, "current_password", PASSWORD)).put(path).then()
                .statusCode(204);
        withCookie(session).get("/v1/whoami").then().statusCode(200);
        assertError(withCookie(elsewhere).get("/v1/whoami"), 401, "unauthorized");
        assertError(consoleSignIn(Map.of("email", ownerEmail, "password", PASSWORD)), 401, "unauthorized");
        consoleSignIn(Map.of("email", ownerEmail, "password", next)).then().statusCode(201);
        team.owner().queryParam("action", "session.signed_out").get("/v1/audit-events").then()
                .body("data.details.reason", org.hamcrest.Matchers.hasItem("password_changed"));

        // With a personal access token the current password is not asked (the token is how a
        // forgotten one is set again), but checked when sent; every session ends.
        assertError(team.owner().body(Map.of("password", PASSWORD, "current_password", "wrong wrong wrong"))
                .put(path), 400, "invalid_request");
        team.owner().body(Map.of("password", PASSWORD)).put(path).then().statusCode(204);
        assertError(withCookie(session).get("/v1/whoami"), 401, "unauthorized");
    }

    @Test
    void theSessionCookieValueNeverReachesTheAuditLogNorTheServerLog() throws Exception {
        // The same scan as AuditIT's for issued tokens: every stored event (all columns), the export,
        // and the server and access logs.
        ConsoleSession session = consoleSignIn();
        withCookieAndCsrf(session).body(Map.of("name", "logged")).post("/v1/sites").then().statusCode(201);
        withCookie(session).body(Map.of("name", "forged")).post("/v1/sites").then().statusCode(403);
        withCookieAndCsrf(session).delete("/v1/session").then().statusCode(204);
        withCookie(session).get("/v1/whoami").then().statusCode(401);

        StringBuilder audited = new StringBuilder(team.owner().get("/v1/audit-events/export").asString());
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select * from audit_events")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    audited.append(rows.getObject(c)).append('\n');
                }
            }
        }
        Path serverLog = Path.of("target/it-server.log");
        Path accessLog = Path.of("target/it-access.log");
        String logs = (Files.exists(serverLog) ? Files.readString(serverLog) : "")
                + (Files.exists(accessLog) ? Files.readString(accessLog) : "");
        assertTrue(audited.toString().contains(session.id()), "the session is audited by its public id");
        assertTrue(logs.contains("master key"), "the server log must be readable to be checked");
        for (String secret : Set.of(session.cookie(), PASSWORD)) {
            assertFalse(audited.toString().contains(secret), "a session secret reached the audit log");
            assertFalse(logs.contains(secret), "a session secret reached the server or access log");
        }
    }
}
