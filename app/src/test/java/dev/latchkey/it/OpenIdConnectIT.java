package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Core for members, completed by an independent library (the Nimbus OIDC SDK):
 * discovery, a sign-in with {@code openid profile email}, a nonce and PKCE on an ephemeral
 * loopback port, the ID token validated (signature against the JWKS, issuer, audience, nonce,
 * {@code at_hash}, {@code auth_time}), UserInfo, and RP-initiated logout ending the session.
 */
class OpenIdConnectIT extends DeployedLatchkey {

    static final String REGISTERED = "http://127.0.0.1/callback";
    static final String PASSWORD = "correct horse battery staple";

    TestTeam team;
    String ownerEmail;
    String clientId;

    @BeforeEach
    void memberAndClient() {
        team = api.newTeam();
        String site = team.createSite("notes");
        ownerEmail = team.owner().get("/v1/whoami").path("member.email");
        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        clientId = team.owner().body(Map.of("name", "Notes CLI", "type", "public", "environment", "test",
                        "redirect_uris", List.of(REGISTERED), "scopes", List.of("read")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract().path("client_id");
    }

    private String base() {
        return Api.baseOf(api);
    }

    @Test
    void discoveryIsReadableByAStandardLibrary() throws Exception {
        String json = api.anonymous().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("scopes_supported", hasItem("openid"))
                .body("id_token_signing_alg_values_supported", equalTo(List.of("ES256")))
                .body("request_uri_parameter_supported", equalTo(false)).extract().asString();
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(json);
        String issuer = metadata.getIssuer().getValue();
        assertEquals(issuer + "/oauth/userinfo", metadata.getUserInfoEndpointURI().toString());
        assertEquals(issuer + "/oauth/logout", metadata.getEndSessionEndpointURI().toString());
        assertEquals(api.anonymous().get("/.well-known/oauth-authorization-server").path("token_endpoint"),
                metadata.getTokenEndpointURI().toString(), "the two documents agree");
    }

    @Test
    void aMemberSignsInWithOpenIdConnectAndSignsOut() throws Exception {
        Issuer issuer = new Issuer((String) api.anonymous().get("/.well-known/openid-configuration").path("issuer"));
        URI redirect = URI.create("http://127.0.0.1:" + (40000 + (int) (Math.random() * 20000)) + "/callback");
        Nonce nonce = new Nonce();
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"),
                new ClientID(clientId), redirect).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(base() + "/oauth/authorize")).build().toURI();
        Browser browser = new Browser(api);
        Response page = browser.authorize(query(authorize));
        page.then().statusCode(200);
        String location = browser.post(page, Map.of("email", ownerEmail, "password", PASSWORD, "decision", "allow"))
                .header("Location");
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(location));
        assertTrue(response.indicatesSuccess(), location);
        assertEquals(state, response.getState());
        assertEquals(issuer, response.toSuccessResponse().getIssuer(), "iss in the authorization response (RFC 9207)");

        OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(new TokenRequest(
                URI.create(base() + "/oauth/token"), new ClientID(clientId),
                new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(), redirect, verifier))
                .toHTTPRequest().send()).toSuccessResponse();
        var idToken = tokens.getOIDCTokens().getIDToken();
        assertNotNull(idToken, "an ID token comes with openid");
        JWKSet keys = JWKSet.load(URI.create(base() + "/oauth/jwks").toURL());
        IDTokenClaimsSet claims = new IDTokenValidator(issuer, new ClientID(clientId), JWSAlgorithm.ES256, keys)
                .validate(idToken, nonce);
        assertEquals(team.ownerId(), claims.getSubject().getValue());
        assertNotNull(claims.getAuthenticationTime(), "auth_time");
        assertNull(claims.getACR(), "no acr: a single level");
        BearerAccessToken accessToken = (BearerAccessToken) tokens.getOIDCTokens().getAccessToken();
        AccessTokenValidator.validate(accessToken, JWSAlgorithm.ES256, claims.getAccessTokenHash());
        assertFalse(AccessTokenHash.compute(new BearerAccessToken("another"), JWSAlgorithm.ES256, null)
                .equals(claims.getAccessTokenHash()));

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(URI.create(base() + "/oauth/userinfo"),
                accessToken).toHTTPRequest().send());
        assertTrue(userInfo.indicatesSuccess());
        var info = userInfo.toSuccessResponse().getUserInfo();
        assertEquals(team.ownerId(), info.getSubject().getValue());
        assertEquals(ownerEmail, info.getEmailAddress());
        assertEquals(Boolean.FALSE, info.getEmailVerified(), "Latchkey does not prove addresses");
        assertNotNull(info.getName());
        api.as(accessToken.getValue()).get("/v1/whoami").then().statusCode(200)
                .body("member.id", equalTo(team.ownerId()));

        Map<String, String> silent = query(new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(clientId), redirect).state(new State()).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .prompt(new com.nimbusds.openid.connect.sdk.Prompt(com.nimbusds.openid.connect.sdk.Prompt.Type.NONE))
                .endpointURI(URI.create(base() + "/oauth/authorize")).build().toURI());
        assertTrue(browser.authorize(silent).header("Location").contains("code="), "signed in: no page");

        Response out = browser.request().queryParam("id_token_hint", idToken.serialize())
                .queryParam("post_logout_redirect_uri", REGISTERED).queryParam("state", "bye").get("/oauth/logout");
        assertEquals(302, out.statusCode(), out.asString());
        assertEquals(REGISTERED + "?state=bye", out.header("Location"));
        browser.keep(out);
        assertTrue(browser.authorize(silent).header("Location").contains("error=login_required"),
                "the session ended with the logout");
        team.owner().queryParam("action", "session.signed_out").get("/v1/audit-events").then()
                .body("data.size()", equalTo(1));
    }

    @Test
    void userInfoRefusesWithBearerChallenges() {
        assertError(api.anonymous().get("/oauth/userinfo"), 401, "unauthorized");
        api.anonymous().get("/oauth/userinfo").then().header("WWW-Authenticate", equalTo("Bearer realm=\"latchkey\""));
        api.as("not-a-token").get("/oauth/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        String withoutOpenId = CodeFlow.memberAccessToken(api, clientId, REGISTERED, ownerEmail, PASSWORD, "read");
        Response refused = api.as(withoutOpenId).get("/oauth/userinfo");
        assertError(refused, 403, "insufficient_scope");
        refused.then().header("WWW-Authenticate", containsString("error=\"insufficient_scope\""));
    }

    @Test
    void logoutWithAnUnregisteredReturnAddressSignsOutAndStays() {
        Response page = api.anonymous().redirects().follow(false).queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", "https://evil.example/").get("/oauth/logout");
        page.then().statusCode(200).contentType(containsString("text/html")).body(containsString("signed out"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
