package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow with PKCE, refresh rotation and their refusals, driven as a
 * browser would (the sign-in and consent page, then the redirect), plus an independent OAuth
 * client library completing the flow.
 */
class OAuthCodeFlowIT extends DeployedLatchkey {

    static final String REDIRECT = "http://127.0.0.1:9/callback";
    static final String PASSWORD = "correct horse battery staple";

    TestTeam team;
    String site;
    String ownerEmail;
    String clientId;

    @BeforeEach
    void memberWithPasswordAndPublicClient() {
        team = api.newTeam();
        site = team.createSite("notes");
        ownerEmail = team.owner().get("/v1/whoami").path("member.email");
        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        clientId = team.owner().body(Map.of("name", "Notes SPA", "type", "public", "environment", "test",
                        "redirect_uris", List.of(REDIRECT), "scopes", List.of("read", "write", "offline_access")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201)
                .body("grant_types", equalTo(List.of("authorization_code", "refresh_token"))).extract().path("client_id");
    }

    private Response authorizePage(Map<String, String> parameters) {
        return api.anonymous().redirects().follow(false).queryParams(parameters).get("/oauth/authorize");
    }

    private Map<String, String> request(String verifier, String scope, String state) {
        Map<String, String> parameters = new HashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT, "scope", scope, "state", state));
        if (verifier != null) {
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
        }
        return parameters;
    }

    /** Plays the browser: the page, then the form post; answers the redirect's query. */
    private Map<String, String> signInAndAllow(Map<String, String> parameters, String password, String decision) {
        Browser browser = new Browser(api);
        Response page = browser.authorize(parameters);
        page.then().statusCode(200).contentType(containsString("text/html"));
        Response posted = browser.post(page, Map.of("email", ownerEmail, "password", password,
                "decision", decision));
        if (posted.statusCode() != 302) {
            return Map.of("status", String.valueOf(posted.statusCode()), "body", posted.asString());
        }
        assertTrue(posted.header("Location").startsWith(REDIRECT + "?"), posted.header("Location"));
        return query(posted.header("Location"));
    }

    private Response exchange(String code, String verifier) {
        return api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", clientId).formParam("code", code).formParam("redirect_uri", REDIRECT)
                .formParam("code_verifier", verifier).post("/oauth/token");
    }

    private Response refresh(String refreshToken) {
        return api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", clientId).formParam("refresh_token", refreshToken).post("/oauth/token");
    }

    @Test
    void aMemberSignsInConsentsAndTheClientGetsTokensActingForTheMember() {
        authorizePage(request("v".repeat(43), "read offline_access", "s1")).then().statusCode(200)
                .body(containsString("Notes SPA")).body(containsString("notes")).body(containsString("offline_access"));
        String verifier = CodeVerifierText.next();
        Map<String, String> redirect = signInAndAllow(request(verifier, "read offline_access", "state-123"), PASSWORD,
                "allow");
        assertEquals("state-123", redirect.get("state"), "state comes back untouched");
        Response tokens = exchange(redirect.get("code"), verifier);
        tokens.then().statusCode(200).body("token_type", equalTo("Bearer")).body("scope", equalTo("read offline_access"))
                .body("refresh_token", startsWith("ort_"));
        String access = tokens.path("access_token");
        api.as(access).get("/v1/whoami").then().statusCode(200).body("kind", equalTo("oauth_token"))
                .body("member.id", equalTo(team.ownerId())).body("permissions", equalTo(List.of("read")));
        assertError(api.as(access).body(Map.of("name", "x")).post("/v1/sites"), 403, "forbidden");
        team.owner().queryParam("action", "oauth.authorized").get("/v1/audit-events").then()
                .body("data[0].actor.id", equalTo(team.ownerId()));
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItIssued() {
        String verifier = CodeVerifierText.next();
        String code = signInAndAllow(request(verifier, "read offline_access", "s"), PASSWORD, "allow").get("code");
        Response first = exchange(code, verifier);
        first.then().statusCode(200);
        exchange(code, verifier).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertError(api.as((String) first.path("access_token")).get("/v1/whoami"), 401, "unauthorized");
        refresh(first.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        exchange(code, verifier).then().statusCode(400);
        team.owner().queryParam("action", "oauth_grant.revoked").get("/v1/audit-events").then()
                .body("data", hasSize(1))
                .body("data[0].details.reason", equalTo("code_replayed"))
                .body("data[0].details.access_tokens_revoked", equalTo(1))
                .body("data[0].details.refresh_tokens_revoked", equalTo(1))
                .body("data[0].actor.type", equalTo("oauth_client"))
                .body("data[0].actor.id", equalTo(clientId));
    }

    @Test
    void refreshTokensRotateAndReuseRevokesTheFamily() {
        String verifier = CodeVerifierText.next();
        String code = signInAndAllow(request(verifier, "read write offline_access", "s"), PASSWORD, "allow")
                .get("code");
        Response issued = exchange(code, verifier);
        String firstRefresh = issued.path("refresh_token");
        Response rotated = refresh(firstRefresh);
        rotated.then().statusCode(200).body("refresh_token", startsWith("ort_")).body("scope", equalTo("read write offline_access"));
        String secondRefresh = rotated.path("refresh_token");
        api.as((String) rotated.path("access_token")).get("/v1/whoami").then().statusCode(200);
        refresh(firstRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(secondRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertError(api.as((String) rotated.path("access_token")).get("/v1/whoami"), 401, "unauthorized");
        refresh(firstRefresh).then().statusCode(400);
        team.owner().queryParam("action", "oauth_grant.revoked").get("/v1/audit-events").then()
                .body("data", hasSize(1))
                .body("data[0].details.reason", equalTo("refresh_token_replayed"))
                .body("data[0].details.client_id", equalTo(clientId));
    }

    @Test
    void noRefreshTokenWithoutOfflineAccess() {
        String verifier = CodeVerifierText.next();
        String code = signInAndAllow(request(verifier, "read", "s"), PASSWORD, "allow").get("code");
        exchange(code, verifier).then().statusCode(200).body("$", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("refresh_token")));
    }

    @Test
    void wrongVerifierMissingPkceAndBadRedirectsAreRefused() {
        String verifier = CodeVerifierText.next();
        String code = signInAndAllow(request(verifier, "read", "s"), PASSWORD, "allow").get("code");
        exchange(code, CodeVerifierText.next()).then().statusCode(400).body("error", equalTo("invalid_grant"));

        Response noPkce = authorizePage(request(null, "read", "s9"));
        noPkce.then().statusCode(302);
        Map<String, String> error = query(noPkce.header("Location"));
        assertEquals("invalid_request", error.get("error"));
        assertEquals("s9", error.get("state"));

        Map<String, String> elsewhere = new HashMap<>(request(verifier, "read", "s"));
        elsewhere.put("redirect_uri", "https://attacker.example/cb");
        Response shown = authorizePage(elsewhere);
        shown.then().statusCode(400).contentType(containsString("text/html"));
        assertEquals(null, shown.header("Location"), "an unregistered redirect URI is never redirected to");
        Map<String, String> unknownClient = new HashMap<>(request(verifier, "read", "s"));
        unknownClient.put("client_id", "client_nope");
        authorizePage(unknownClient).then().statusCode(400);
        Map<String, String> wideScope = new HashMap<>(request(verifier, "read delete", "s"));
        assertEquals("invalid_scope", query(authorizePage(wideScope).header("Location")).get("error"));
    }

    @Test
    void wrongPasswordShowsThePageAgainAndDenialGoesBackWithState() {
        String verifier = CodeVerifierText.next();
        Map<String, String> wrong = signInAndAllow(request(verifier, "read", "s"), "not the password at all", "allow");
        assertEquals("401", wrong.get("status"));
        assertTrue(wrong.get("body").contains("Wrong email or password"));
        Map<String, String> denied = signInAndAllow(request(verifier, "read", "deny-state"), "", "deny");
        assertEquals("access_denied", denied.get("error"));
        assertEquals("deny-state", denied.get("state"));
        api.anonymous().contentType(ContentType.URLENC).formParam("request", "forged.x.y")
                .formParam("decision", "allow").post("/oauth/authorize").then().statusCode(400);
    }

    @Test
    void passwordsAreValidatedAndNeverShown() {
        assertError(team.owner().body(Map.of("password", "short")).put("/v1/members/" + team.ownerId() + "/password"),
                400, "invalid_request");
        String body = team.owner().get("/v1/members/" + team.ownerId()).asString();
        assertTrue(!body.contains(PASSWORD) && !body.contains("$2"), "no password nor hash is returned");
    }

    @Test
    void anIndependentOAuthLibraryCompletesTheCodeFlowWithPkce() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        TokenResponse tokens = nimbusCodeFlow(URI.create(REDIRECT), verifier);
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        assertNotNull(tokens.toSuccessResponse().getTokens().getRefreshToken());
        api.as(tokens.toSuccessResponse().getTokens().getAccessToken().getValue()).get("/v1/whoami").then()
                .statusCode(200).body("member.id", equalTo(team.ownerId()));
    }

    /**
     * RFC 8252 §7.3 and RFC 7009 with the Nimbus SDK: a native app on an ephemeral loopback port
     * (the client registered port 9) signs in, refreshes, and signs out by revoking its refresh
     * token as a public client; the family is gone.
     */
    @Test
    void aNativeAppOnAnEphemeralPortSignsInRefreshesAndSignsOutWithTheNimbusSdk() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TokenResponse tokens = nimbusCodeFlow(URI.create("http://127.0.0.1:" + port + "/callback"), new CodeVerifier());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        assertEquals(new Scope("read", "offline_access"), tokens.toSuccessResponse().getTokens().getAccessToken()
                .getScope(), "offline_access granted stays in scope");
        URI tokenEndpoint = URI.create(Api.baseOf(api) + "/oauth/token");
        var refreshToken = tokens.toSuccessResponse().getTokens().getRefreshToken();
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new RefreshTokenGrant(refreshToken), null).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), () -> refreshed.toErrorResponse().getErrorObject().toString());
        var rotated = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        var revocation = new TokenRevocationRequest(URI.create(Api.baseOf(api) + "/oauth/revoke"),
                new ClientID(clientId), rotated).toHTTPRequest().send();
        assertEquals(200, revocation.getStatusCode(), revocation.getBody());
        TokenResponse afterSignOut = TokenResponse.parse(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new RefreshTokenGrant(rotated), null).toHTTPRequest().send());
        assertEquals("invalid_grant", afterSignOut.toErrorResponse().getErrorObject().getCode());
        assertError(api.as(refreshed.toSuccessResponse().getTokens().getAccessToken().getValue()).get("/v1/whoami"),
                401, "unauthorized");
    }

    /** The code flow as the Nimbus SDK builds and reads it; the sign-in page is played as a browser. */
    private TokenResponse nimbusCodeFlow(URI redirect, CodeVerifier verifier) throws Exception {
        State state = new State();
        URI authorize = new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .redirectionURI(redirect).scope(new Scope("read", "offline_access")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(Api.baseOf(api) + "/oauth/authorize")).build().toURI();
        Map<String, String> parameters = query(authorize.toString());
        Browser browser = new Browser(api);
        Response page = browser.authorize(parameters);
        String location = browser.post(page, Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow"))
                .header("Location");
        assertTrue(location.startsWith(redirect + "?"), location);
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location));
        assertTrue(response.indicatesSuccess());
        assertEquals(state, response.getState());
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        return TokenResponse.parse(new TokenRequest(URI.create(Api.baseOf(api) + "/oauth/token"),
                new ClientID(clientId), new AuthorizationCodeGrant(code, redirect, verifier))
                .toHTTPRequest().send());
    }

    /**
     * Chromium signs in once, then authorizes again with no page and no password (session and
     * remembered consent), then once more with {@code prompt=login}, which asks for the password;
     * no page reports a CSP violation.
     */
    @Test
    void aRealBrowserSignsInOnceIsAuthorizedAgainWithoutAPasswordAndPromptLoginAsksAgain() throws Exception {
        java.nio.file.Path browser = java.nio.file.Path.of("src/test/browser");
        assertTrue(java.nio.file.Files.isDirectory(browser.resolve("node_modules/playwright-core")),
                "playwright-core is missing: run bin/test, which installs it and Chromium");
        List<String> verifiers = List.of(CodeVerifierText.next(), CodeVerifierText.next(), CodeVerifierText.next());
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> parameters = request(verifiers.get(i), "read", "browser-state-" + i);
            if (i == 2) {
                parameters.put("prompt", "login");
            }
            urls.add(Api.baseOf(api) + "/oauth/authorize?" + parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(java.util.stream.Collectors.joining("&")));
        }
        java.nio.file.Path screenshot = java.nio.file.Path.of("target/consent-page.png");
        Process node = new ProcessBuilder("node", browser.resolve("consent.mjs").toString(), urls.get(0), ownerEmail,
                PASSWORD, REDIRECT, screenshot.toString(), urls.get(1), urls.get(2)).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "the browser finished");
        assertEquals(0, node.exitValue(), output);
        Map<String, String> sentBack = new HashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(space + 1).startsWith(REDIRECT)) {
                sentBack.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        List<String> steps = List.of("first", "second", "login");
        for (int i = 0; i < 3; i++) {
            assertTrue(sentBack.containsKey(steps.get(i)), output);
            Map<String, String> redirect = query(sentBack.get(steps.get(i)));
            assertEquals("browser-state-" + i, redirect.get("state"));
            exchange(redirect.get("code"), verifiers.get(i)).then().statusCode(200).body("scope", equalTo("read"));
        }
        assertTrue(java.nio.file.Files.size(screenshot) > 0, "the consent page was rendered");
        team.owner().queryParam("action", "session.signed_in").get("/v1/audit-events").then()
                .body("data", hasSize(2));
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** Fresh PKCE verifiers (43 base64url characters). */
    static final class CodeVerifierText {
        static String next() {
            return new CodeVerifier().getValue();
        }
    }
}
