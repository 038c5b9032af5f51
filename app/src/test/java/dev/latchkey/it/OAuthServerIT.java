package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 server, black box: metadata, JWKS, client credentials, revocation, introspection. */
class OAuthServerIT extends DeployedLatchkey {

    static final String ISSUER = "http://127.0.0.1:8080";

    TestTeam team;
    String site;

    @BeforeEach
    void teamAndSite() {
        team = api.newTeam();
        site = team.createSite("api");
    }

    private Response register(Map<String, ?> body) {
        return team.owner().body(body).post("/v1/sites/" + site + "/oauth-clients");
    }

    private Response confidential() {
        Response created = register(Map.of("name", "billing service", "type", "confidential", "environment", "test"));
        created.then().statusCode(201).body("client_id", startsWith("client_")).body("client_secret", startsWith("lcs_"));
        return created;
    }

    private RequestSpecification tokenRequest(String clientId, String secret) {
        return api.anonymous().contentType(ContentType.URLENC).auth().preemptive().basic(clientId, secret);
    }

    private String accessToken(String clientId, String secret, String scope) {
        return tokenRequest(clientId, secret).formParam("grant_type", "client_credentials").formParam("scope", scope)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void metadataAndJwksDescribeTheServer() {
        api.anonymous().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("issuer", equalTo(ISSUER))
                .body("token_endpoint", equalTo(ISSUER + "/oauth/token"))
                .body("jwks_uri", equalTo(ISSUER + "/oauth/jwks"))
                .body("grant_types_supported", hasItem("client_credentials"));
        api.anonymous().get("/oauth/jwks").then().statusCode(200)
                .body("keys[0].kty", equalTo("EC")).body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].kid", notNullValue()).body("keys[0]", not(hasKey("d")));
    }

    @Test
    void clientCredentialsIssueAnAtJwtSignedWithAPublishedKey() throws Exception {
        Response client = confidential();
        Response token = tokenRequest(client.path("client_id"), client.path("client_secret"))
                .formParam("grant_type", "client_credentials").post("/oauth/token");
        token.then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("scope", equalTo("read write delete"))
                .body("expires_in", org.hamcrest.Matchers.greaterThan(800));
        SignedJWT jwt = SignedJWT.parse((String) token.path("access_token"));
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        JWKSet jwks = JWKSet.parse(api.anonymous().get("/oauth/jwks").asString());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "signed by a key the JWKS publishes");
        assertEquals(ISSUER, jwt.getJWTClaimsSet().getIssuer());
        assertEquals((String) client.path("client_id"), jwt.getJWTClaimsSet().getStringClaim("client_id"));
        team.owner().get("/v1/sites/" + site + "/oauth-clients/" + client.path("client_id")).then()
                .body("$", not(hasKey("client_secret")));
    }

    @Test
    void anIndependentOAuthLibraryCompletesClientCredentials() throws Exception {
        Response client = confidential();
        URI metadataUri = URI.create(baseUrl() + "/.well-known/oauth-authorization-server");
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(
                api.anonymous().get(metadataUri.getPath()).asString());
        assertEquals(new Issuer(ISSUER), metadata.getIssuer());
        TokenRequest request = new TokenRequest(URI.create(baseUrl() + "/oauth/token"),
                new ClientSecretBasic(new ClientID((String) client.path("client_id")),
                        new Secret((String) client.path("client_secret"))),
                new ClientCredentialsGrant(), new Scope("read"));
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        String jwt = response.toSuccessResponse().getTokens().getAccessToken().getValue();
        api.as(jwt).get("/v1/whoami").then().statusCode(200).body("kind", equalTo("oauth_token"))
                .body("site.id", equalTo(site)).body("permissions", equalTo(List.of("read")));
    }

    @Test
    void accessTokensAreEnforcedLikeAnyCredential() {
        Response client = confidential();
        String reader = accessToken(client.path("client_id"), client.path("client_secret"), "read");
        String writer = accessToken(client.path("client_id"), client.path("client_secret"), "read write");
        api.as(writer).body(Map.of("n", 1)).put("/v1/sites/" + site + "/data/Thing/t1").then().statusCode(201)
                .body("environment", equalTo("test"));
        api.as(reader).get("/v1/sites/" + site + "/data/Thing/t1").then().statusCode(200);
        assertError(api.as(reader).body(Map.of("n", 2)).put("/v1/sites/" + site + "/data/Thing/t1"), 403, "forbidden");
        assertError(api.as(reader).get("/v1/sites/" + team.createSite("other") + "/data/Thing/t1"), 404, "not_found");
        assertError(api.as(reader).get("/v1/members"), 403, "forbidden");
    }

    @Test
    void typeScopesGrantAPermissionForOneTypeOnly() {
        Response client = register(Map.of("name", "crm sync", "type", "confidential", "environment", "test",
                "scopes", List.of("Customer:read", "Order:write")));
        client.then().statusCode(201);
        String id = client.path("client_id");
        String secret = client.path("client_secret");
        String writer = accessToken(id, secret, "Order:write");
        api.as(writer).body(Map.of("total", 5)).put("/v1/sites/" + site + "/data/Order/o1").then().statusCode(201);
        assertError(api.as(writer).get("/v1/sites/" + site + "/data/Order/o1"), 403, "forbidden");
        assertError(api.as(writer).body(Map.of("n", 1)).put("/v1/sites/" + site + "/data/Customer/c1"), 403, "forbidden");
        String reader = accessToken(id, secret, "Customer:read");
        assertError(api.as(reader).get("/v1/sites/" + site + "/data/Customer/c1"), 404, "not_found");
        assertError(api.as(reader).get("/v1/sites/" + site + "/data/Order/o1"), 403, "forbidden");
        tokenRequest(id, secret).formParam("grant_type", "client_credentials").formParam("scope", "Customer:write")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
        assertError(register(Map.of("name", "bad", "type", "confidential", "scopes", List.of("Customer:admin"))),
                400, "invalid_request");
    }

    @Test
    void badClientAuthenticationAndRequestsGetRfc6749Errors() {
        Response client = confidential();
        var wrong = tokenRequest(client.path("client_id"), "lcs_wrong").formParam("grant_type", "client_credentials")
                .post("/oauth/token");
        wrong.then().statusCode(401).body("error", equalTo("invalid_client"))
                .body("error_description", notNullValue())
                .body("request_id", equalTo(wrong.header("X-Request-Id")))
                .header("WWW-Authenticate", startsWith("Basic"));
        tokenRequest(client.path("client_id"), client.path("client_secret")).formParam("grant_type", "password")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        tokenRequest(client.path("client_id"), client.path("client_secret")).post("/oauth/token").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
        tokenRequest(client.path("client_id"), client.path("client_secret")).formParam("grant_type", "client_credentials")
                .formParam("scope", "read admin").post("/oauth/token").then()
                .statusCode(400).body("error", equalTo("invalid_scope"));
        api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", (String) client.path("client_id"))
                .formParam("client_secret", (String) client.path("client_secret"))
                .post("/oauth/token").then().statusCode(200);
    }

    @Test
    void revokedTokensStopAtOnceAndIntrospectionSaysSo() {
        Response client = confidential();
        String id = client.path("client_id");
        String secret = client.path("client_secret");
        String token = accessToken(id, secret, "read");
        tokenRequest(id, secret).formParam("token", token).post("/oauth/introspect").then().statusCode(200)
                .body("active", equalTo(true)).body("client_id", equalTo(id)).body("scope", equalTo("read"));
        api.as(token).get("/v1/whoami").then().statusCode(200);
        tokenRequest(id, secret).formParam("token", token).post("/oauth/revoke").then().statusCode(200);
        assertError(api.as(token).get("/v1/whoami"), 401, "unauthorized");
        tokenRequest(id, secret).formParam("token", token).post("/oauth/introspect").then()
                .body("active", equalTo(false)).body("$", not(hasKey("client_id")));
        tokenRequest(id, secret).formParam("token", "not-a-token").post("/oauth/revoke").then().statusCode(200);
        team.owner().contentType(ContentType.URLENC).formParam("token", accessToken(id, secret, "read"))
                .post("/v1/introspect").then().body("active", equalTo(true)).body("token_type", equalTo("oauth_token"));
    }

    @Test
    void tamperedAndUnsignedTokensAreRefused() throws Exception {
        Response client = confidential();
        String token = accessToken(client.path("client_id"), client.path("client_secret"), "read");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"scope\":\"read\"", "\"scope\":\"read write delete\"").getBytes());
        assertError(api.as(parts[0] + "." + forged + "." + parts[2]).get("/v1/whoami"), 401, "unauthorized");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());
        assertError(api.as(none + "." + parts[1] + ".").get("/v1/whoami"), 401, "unauthorized");
        assertError(api.as(none + "." + parts[1] + ".x").get("/v1/whoami"), 401, "unauthorized");
    }

    @Test
    void deletingAClientOrRollingItsSecretTakesEffectAtOnce() {
        Response client = confidential();
        String id = client.path("client_id");
        String secret = client.path("client_secret");
        String token = accessToken(id, secret, "read");
        Response rolled = team.owner().post("/v1/sites/" + site + "/oauth-clients/" + id + "/secret");
        rolled.then().statusCode(201).body("client_secret", startsWith("lcs_"));
        tokenRequest(id, secret).formParam("grant_type", "client_credentials").post("/oauth/token").then()
                .statusCode(401);
        accessToken(id, rolled.path("client_secret"), "read");
        team.owner().delete("/v1/sites/" + site + "/oauth-clients/" + id).then().statusCode(204);
        assertError(api.as(token).get("/v1/whoami"), 401, "unauthorized");
        team.owner().queryParam("action", "oauth_client.").get("/v1/audit-events").then()
                .body("data.action", equalTo(List.of("oauth_client.deleted", "oauth_client.secret_rolled",
                        "oauth_client.created")));
    }

    @Test
    void clientRegistrationIsValidated() {
        assertError(register(Map.of("name", "spa", "type", "public", "grant_types", List.of("client_credentials"))),
                400, "invalid_request");
        assertError(register(Map.of("name", "x", "type", "confidential", "scopes", List.of("root"))),
                400, "invalid_request");
        assertError(register(Map.of("name", "x", "type", "confidential",
                "redirect_uris", List.of("http://evil.example/cb"))), 400, "invalid_request");
        assertError(register(Map.of("name", "x", "type", "robot")), 400, "invalid_request");
        team.owner().get("/v1/sites/" + site + "/oauth-clients").then().body("data", hasSize(0));
        TestTeam stranger = api.newTeam();
        String id = confidential().path("client_id");
        assertError(stranger.owner().get("/v1/sites/" + site + "/oauth-clients/" + id), 404, "not_found");
    }

    @Test
    void rotatedKeysArePublishedFirstAndOldTokensVerifyUntilTheyExpire() throws Exception {
        Response client = confidential();
        String before = accessToken(client.path("client_id"), client.path("client_secret"), "read");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        assertError(team.owner().post("/v1/oauth/signing-keys/rotate"), 403, "forbidden");
        Response upcoming = api.as(Api.bootstrapToken()).body(Map.of("activate_in_seconds", 3600))
                .post("/v1/oauth/signing-keys/rotate");
        upcoming.then().statusCode(201).body("kid", notNullValue());
        api.anonymous().get("/oauth/jwks").then().body("keys.kid", hasItem((String) upcoming.path("kid")));
        String stillOld = accessToken(client.path("client_id"), client.path("client_secret"), "read");
        assertEquals(oldKid, SignedJWT.parse(stillOld).getHeader().getKeyID(), "a published key signs only once active");
        Response now = api.as(Api.bootstrapToken()).body(Map.of("activate_in_seconds", 0))
                .post("/v1/oauth/signing-keys/rotate");
        String after = accessToken(client.path("client_id"), client.path("client_secret"), "read");
        assertEquals((String) now.path("kid"), SignedJWT.parse(after).getHeader().getKeyID());
        api.as(before).get("/v1/whoami").then().statusCode(200);
        api.as(after).get("/v1/whoami").then().statusCode(200);
        api.anonymous().get("/oauth/jwks").then().body("keys.kid", hasItem(oldKid));
    }

    @Test
    void aClientMaySignItsOwnShortLivedJwtOnce() throws Exception {
        ECKey own = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("svc-1")
                .generate();
        Response client = register(Map.of("name", "signer", "type", "confidential", "environment", "live",
                "scopes", List.of("read"), "jwks", Map.of("keys", List.of(own.toPublicJWK().toJSONObject()))));
        client.then().statusCode(201);
        String id = client.path("client_id");
        String secret = client.path("client_secret");

        String hs = clientJwt(id, new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256),
                new com.nimbusds.jose.crypto.MACSigner(secret.getBytes()), ISSUER, 300);
        api.as(hs).get("/v1/whoami").then().statusCode(200).body("kind", equalTo("jwt"))
                .body("permissions", equalTo(List.of("read"))).body("environment", equalTo("live"));
        assertError(api.as(hs).get("/v1/whoami"), 401, "unauthorized");

        String es = clientJwt(id, new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.ES256).keyID("svc-1").build(),
                new com.nimbusds.jose.crypto.ECDSASigner(own), ISSUER, 300);
        api.as(es).get("/v1/whoami").then().statusCode(200);

        assertError(api.as(clientJwt(id, new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256),
                new com.nimbusds.jose.crypto.MACSigner(secret.getBytes()), "https://elsewhere.example", 300))
                .get("/v1/whoami"), 401, "unauthorized");
        assertError(api.as(clientJwt(id, new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256),
                new com.nimbusds.jose.crypto.MACSigner(secret.getBytes()), ISSUER, 7200))
                .get("/v1/whoami"), 401, "unauthorized");
        // Algorithm confusion: an HMAC keyed with the client's public key must not pass.
        byte[] publicAsSecret = own.toPublicJWK().toJSONString().getBytes();
        assertError(api.as(clientJwt(id, new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.HS256).keyID("svc-1")
                .build(), new com.nimbusds.jose.crypto.MACSigner(publicAsSecret), ISSUER, 300))
                .get("/v1/whoami"), 401, "unauthorized");
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims(id, ISSUER, 300)).serialize();
        assertError(api.as(unsigned).get("/v1/whoami"), 401, "unauthorized");
    }

    private static String clientJwt(String clientId, com.nimbusds.jose.JWSHeader header,
                                    com.nimbusds.jose.JWSSigner signer, String audience, long lifetime) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims(clientId, audience, lifetime));
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static com.nimbusds.jwt.JWTClaimsSet claims(String clientId, String audience, long lifetime) {
        java.util.Date now = new java.util.Date();
        return new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(clientId).subject("billing-job").audience(audience)
                .issueTime(now).expirationTime(new java.util.Date(now.getTime() + lifetime * 1000))
                .jwtID(java.util.UUID.randomUUID().toString()).build();
    }

    private String baseUrl() {
        return Api.baseOf(api);
    }
}
