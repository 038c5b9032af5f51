package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What standard client libraries and browsers expect of the OAuth server, black box: client
 * authentication with JWTs (Nimbus SDK's own {@code PrivateKeyJWT} and {@code ClientSecretJWT}),
 * loopback redirects on an ephemeral port (RFC 8252), revocation by a public client (RFC 7009),
 * CORS, bearer challenges (RFC 6750), redirect URI registration and RFC 6749 §5.2 errors.
 */
class OAuthConformanceIT extends DeployedLatchkey {

    static final String ISSUER = OAuthServerIT.ISSUER;
    static final String PASSWORD = "correct horse battery staple";

    TestTeam team;
    String site;

    @BeforeEach
    void teamAndSite() {
        team = api.newTeam();
        site = team.createSite("app");
    }

    private Response register(Map<String, ?> body) {
        return team.owner().body(body).post("/v1/sites/" + site + "/oauth-clients");
    }

    private URI endpoint(String name) {
        return URI.create(Api.baseOf(api) + "/oauth/" + name);
    }

    private TokenResponse clientCredentials(ClientAuthentication authentication) throws Exception {
        return TokenResponse.parse(new TokenRequest(endpoint("token"), authentication, new ClientCredentialsGrant(),
                new Scope("read")).toHTTPRequest().send());
    }

    private String ownerEmail() {
        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        return team.owner().get("/v1/whoami").path("member.email");
    }

    private String publicClient(List<String> redirects) {
        return register(Map.of("name", "spa", "type", "public", "environment", "test", "redirect_uris", redirects,
                "scopes", List.of("read", "offline_access"))).then().statusCode(201).extract().path("client_id");
    }

    private String[] confidentialClient() {
        Response created = register(Map.of("name", "backend", "type", "confidential", "environment", "test",
                "scopes", List.of("read")));
        created.then().statusCode(201);
        return new String[]{created.path("client_id"), created.path("client_secret")};
    }

    private Response form(String path) {
        return api.anonymous().contentType(ContentType.URLENC).post(path);
    }

    @Test
    void privateKeyJwtFromTheNimbusSdkAuthenticatesOnceAndItsReplayIsRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        Response created = register(Map.of("name", "signer", "type", "confidential", "environment", "test",
                "scopes", List.of("read"), "jwks", new JWKSet(key.toPublicJWK()).toJSONObject()));
        created.then().statusCode(201);
        ClientID clientId = new ClientID((String) created.path("client_id"));
        PrivateKeyJWT assertion = new PrivateKeyJWT(clientId, URI.create(ISSUER + "/oauth/token"), JWSAlgorithm.ES256,
                key.toECPrivateKey(), "k1", null);
        TokenResponse first = clientCredentials(assertion);
        assertTrue(first.indicatesSuccess(), () -> first.toErrorResponse().getErrorObject().toString());
        api.as(first.toSuccessResponse().getTokens().getAccessToken().getValue()).get("/v1/whoami").then()
                .statusCode(200).body("id", equalTo(clientId.getValue()));
        TokenResponse replay = clientCredentials(assertion);
        assertFalse(replay.indicatesSuccess(), "the same jti twice");
        assertEquals("invalid_client", replay.toErrorResponse().getErrorObject().getCode());
        assertEquals(401, replay.toErrorResponse().getErrorObject().getHTTPStatusCode());

        String token = first.toSuccessResponse().getTokens().getAccessToken().getValue();
        TokenIntrospectionResponse introspected = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                endpoint("introspect"), new PrivateKeyJWT(clientId, URI.create(ISSUER + "/oauth/introspect"),
                JWSAlgorithm.ES256, key.toECPrivateKey(), "k1", null), new BearerAccessToken(token))
                .toHTTPRequest().send());
        assertTrue(introspected.indicatesSuccess());
        assertTrue(introspected.toSuccessResponse().isActive());

        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        TokenResponse forged = clientCredentials(new PrivateKeyJWT(clientId, URI.create(ISSUER + "/oauth/token"),
                JWSAlgorithm.ES256, stranger.toECPrivateKey(), "k1", null));
        assertEquals("invalid_client", forged.toErrorResponse().getErrorObject().getCode());
        TokenResponse elsewhere = clientCredentials(new PrivateKeyJWT(clientId,
                URI.create("https://other.example/oauth/token"), JWSAlgorithm.ES256, key.toECPrivateKey(), "k1", null));
        assertEquals("invalid_client", elsewhere.toErrorResponse().getErrorObject().getCode());
        java.util.Date now = new java.util.Date();
        var aud = List.of(new com.nimbusds.oauth2.sdk.id.Audience(ISSUER));
        TokenResponse longLived = clientCredentials(new PrivateKeyJWT(new JWTAuthenticationClaimsSet(clientId, aud,
                new java.util.Date(now.getTime() + 3_600_000), null, now, new JWTID()), JWSAlgorithm.ES256,
                key.toECPrivateKey(), "k1", null));
        assertEquals("invalid_client", longLived.toErrorResponse().getErrorObject().getCode(), "exp an hour away");
        TokenResponse otherSubject = clientCredentials(new PrivateKeyJWT(new JWTAuthenticationClaimsSet(
                new com.nimbusds.oauth2.sdk.id.Issuer(clientId.getValue()), new ClientID("client_someoneelse"), aud,
                new java.util.Date(now.getTime() + 60_000), null, now, new JWTID()), JWSAlgorithm.ES256,
                key.toECPrivateKey(), "k1", null));
        assertEquals("invalid_client", otherSubject.toErrorResponse().getErrorObject().getCode(), "sub != iss");
        TokenResponse toTheIssuer = clientCredentials(new PrivateKeyJWT(new JWTAuthenticationClaimsSet(clientId, aud,
                new java.util.Date(now.getTime() + 60_000), null, now, new JWTID()), JWSAlgorithm.ES256,
                key.toECPrivateKey(), "k1", null));
        assertTrue(toTheIssuer.indicatesSuccess(), "aud = the issuer is accepted too");
    }

    @Test
    void clientSecretJwtFromTheNimbusSdkAuthenticatesOnce() throws Exception {
        String[] client = confidentialClient();
        ClientSecretJWT assertion = new ClientSecretJWT(new ClientID(client[0]), URI.create(ISSUER + "/oauth/token"),
                JWSAlgorithm.HS256, new Secret(client[1]));
        TokenResponse first = clientCredentials(assertion);
        assertTrue(first.indicatesSuccess(), () -> first.toErrorResponse().getErrorObject().toString());
        assertEquals("invalid_client", clientCredentials(assertion).toErrorResponse().getErrorObject().getCode());
        TokenResponse wrongSecret = clientCredentials(new ClientSecretJWT(new ClientID(client[0]),
                URI.create(ISSUER + "/oauth/token"), JWSAlgorithm.HS256, new Secret("lcs_" + "x".repeat(40))));
        assertEquals("invalid_client", wrongSecret.toErrorResponse().getErrorObject().getCode());
        form("/oauth/token").then().statusCode(400);
        api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer")
                .formParam("client_assertion", "x").post("/oauth/token").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void metadataListsExactlyTheClientAuthenticationSupported() {
        api.anonymous().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("token_endpoint_auth_methods_supported", equalTo(List.of("client_secret_basic",
                        "client_secret_post", "client_secret_jwt", "private_key_jwt", "none")))
                .body("token_endpoint_auth_signing_alg_values_supported", equalTo(List.of("HS256", "ES256", "RS256")))
                .body("revocation_endpoint_auth_methods_supported", hasItems("none", "private_key_jwt"))
                .body("introspection_endpoint_auth_methods_supported", not(hasItems("none")))
                .body("authorization_response_iss_parameter_supported", equalTo(true));
    }

    @Test
    void aNativeAppOnAnEphemeralLoopbackPortSignsInAndSignsOut() throws Exception {
        String clientId = publicClient(List.of("http://127.0.0.1/callback"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String redirect = "http://127.0.0.1:" + port + "/callback";
        String token = CodeFlow.memberAccessToken(api, clientId, redirect, ownerEmail(), PASSWORD, "read");
        api.as(token).get("/v1/whoami").then().statusCode(200).body("member.id", equalTo(team.ownerId()));
        api.anonymous().redirects().follow(false).queryParams(Map.of("response_type", "code", "client_id", clientId,
                        "redirect_uri", "http://127.0.0.1:" + port + "/elsewhere", "code_challenge",
                        OAuthCodeFlowIT.challenge(OAuthCodeFlowIT.CodeVerifierText.next()),
                        "code_challenge_method", "S256"))
                .get("/oauth/authorize").then().statusCode(400);

        String[] other = confidentialClient();
        api.anonymous().contentType(ContentType.URLENC).auth().preemptive().basic(other[0], other[1])
                .formParam("token", token).post("/oauth/revoke").then().statusCode(400)
                .body("error", equalTo("unauthorized_client")).body("error_description", notNullValue());
        api.as(token).get("/v1/whoami").then().statusCode(200);
        api.anonymous().contentType(ContentType.URLENC).formParam("client_id", clientId).formParam("token", token)
                .post("/oauth/revoke").then().statusCode(200);
        assertError(api.as(token).get("/v1/whoami"), 401, "unauthorized");
        api.anonymous().contentType(ContentType.URLENC).formParam("client_id", clientId)
                .formParam("token", "ort_unknown").post("/oauth/revoke").then().statusCode(200);
    }

    @Test
    void browserClientsGetCorsOnlyForTheirOwnOrigin() {
        String origin = "https://spa-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String clientId = publicClient(List.of(origin + "/callback"));
        register(Map.of("name", "set", "type", "public", "environment", "test", "redirect_uris",
                List.of("com.example.app:/cb"), "allowed_origins", List.of("http://localhost:3000")))
                .then().statusCode(201).body("allowed_origins", equalTo(List.of("http://localhost:3000")));
        team.owner().get("/v1/sites/" + site + "/oauth-clients/" + clientId).then()
                .body("allowed_origins", equalTo(List.of(origin)));

        api.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/oauth/token").then()
                .statusCode(204).header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "POST").header("Vary", "Origin")
                .header("Access-Control-Allow-Credentials", nullValue());
        assertError(api.anonymous().header("Origin", "https://evil.example").header("Access-Control-Request-Method",
                "POST").options("/oauth/token"), 403, "forbidden");
        api.anonymous().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/oauth/jwks").then().statusCode(204).header("Access-Control-Allow-Origin", "*");
        api.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .options("/.well-known/oauth-authorization-server").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*");
        assertError(api.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .options("/v1/sites"), 405, "method_not_allowed");
        assertError(api.anonymous().options("/oauth/token"), 405, "method_not_allowed");

        api.anonymous().header("Origin", origin).contentType(ContentType.URLENC).formParam("client_id", clientId)
                .formParam("token", "ort_unknown").post("/oauth/revoke").then().statusCode(200)
                .header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
        api.anonymous().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("client_id", clientId).formParam("token", "ort_unknown").post("/oauth/revoke").then()
                .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        api.anonymous().header("Origin", origin).contentType(ContentType.URLENC).formParam("grant_type", "nonsense")
                .formParam("client_id", clientId).post("/oauth/token").then().statusCode(400)
                .header("Access-Control-Allow-Origin", origin);
        api.anonymous().header("Origin", origin).get("/oauth/jwks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
        api.anonymous().get("/oauth/jwks").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void bearerChallengesSayWhatWentWrong() {
        Response none = api.anonymous().get("/v1/whoami");
        assertError(none, 401, "unauthorized");
        assertEquals("Bearer realm=\"latchkey\"", none.header("WWW-Authenticate"));
        Response bad = api.as("sk_test_" + "x".repeat(40)).get("/v1/whoami");
        assertError(bad, 401, "unauthorized");
        assertEquals("Bearer realm=\"latchkey\", error=\"invalid_token\"", bad.header("WWW-Authenticate"));
        String[] client = confidentialClient();
        String readOnly = api.anonymous().contentType(ContentType.URLENC).auth().preemptive().basic(client[0], client[1])
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200)
                .extract().path("access_token");
        Response write = api.as(readOnly).body(Map.of("title", "x")).put("/v1/sites/" + site + "/data/Note/n1");
        assertError(write, 403, "forbidden");
        assertEquals("Bearer realm=\"latchkey\", error=\"insufficient_scope\", scope=\"write\"",
                write.header("WWW-Authenticate"));
    }

    @Test
    void dangerousRedirectUrisAreRefusedAtRegistration() {
        for (String uri : List.of("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "HTTP://evil.example/cb", "http://evil.example/cb", "http://localhost/cb", "https://a.example/cb#x",
                "https://*.example/cb", "https://user@a.example/cb", "myapp:/cb")) {
            Response refused = register(Map.of("name", "x", "type", "public", "redirect_uris", List.of(uri)));
            assertError(refused, 400, "invalid_request");
            refused.then().body("errors[0].field", equalTo("redirect_uris"));
        }
        assertError(register(Map.of("name", "x", "type", "public", "redirect_uris", List.of("com.example.app:/cb"),
                "allowed_origins", List.of("*"))), 400, "invalid_request");
        team.owner().get("/v1/sites/" + site + "/oauth-clients").then().body("data.size()", equalTo(0));
        register(Map.of("name", "native", "type", "public", "redirect_uris", List.of("com.example.app:/cb",
                "http://[::1]/cb"))).then().statusCode(201);
    }

    @Test
    void aJsonBodyAtTheFormEndpointsGetsTheRfc6749ErrorShape() {
        for (String path : List.of("/oauth/token", "/oauth/revoke", "/oauth/introspect")) {
            api.anonymous().contentType(ContentType.JSON).body(Map.of("grant_type", "client_credentials"))
                    .post(path).then().statusCode(400).contentType(ContentType.JSON)
                    .body("error", equalTo("invalid_request")).body("error_description", notNullValue())
                    .body("message", nullValue());
        }
    }
}
