package dev.latchkey.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Providers added without touching Latchkey: the profile {@code tinyco.json} and the sample
 * plugin's jar ({@code samples/provider-plugin}, SampleCo) sit in the plugins directory next to a
 * profile with a misspelt field; the shipped profiles are bundled. Both added providers are
 * pointed at one local fake and connect end to end: authorize with PKCE, callback, fetch through
 * the site token, a forced refresh that rotates, disconnect with revocation.
 */
class ProfileProvidersIT extends DeployedLatchkey {

    static FakeOAuthServer fake;

    TestTeam team;
    String site;

    @BeforeAll
    static void startFake() {
        fake = new FakeOAuthServer(Integer.getInteger("latchkey.it.fake-profile-port"));
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void site() {
        team = api.newTeam();
        site = team.createSite("profiles");
    }

    @Test
    void profilesAndTheSamplePluginAreListedAndAMisspeltProfileIsSkipped() {
        team.owner().get("/v1/providers").then().statusCode(200)
                .body("data.id", hasItems("tinyco", "sampleco", "gitlab", "google", "microsoft", "x", "zoom"))
                .body("data.id", not(hasItems("misspelt")))
                .body("data.find { it.id == 'tinyco' }.source", equalTo("tinyco.json"))
                .body("data.find { it.id == 'tinyco' }.name", equalTo("TinyCo"))
                .body("data.find { it.id == 'tinyco' }.scopes.name", equalTo(List.of("read", "write")))
                .body("data.find { it.id == 'tinyco' }.default_scopes", equalTo(List.of("read")))
                .body("data.find { it.id == 'tinyco' }.capabilities.pkce", equalTo(true))
                .body("data.find { it.id == 'tinyco' }.capabilities.revoke", equalTo(true))
                .body("data.find { it.id == 'tinyco' }.configured", equalTo(true))
                .body("data.find { it.id == 'sampleco' }.source", equalTo("latchkey-sample-provider-plugin.jar"))
                .body("data.find { it.id == 'sampleco' }.configured", equalTo(true))
                .body("data.find { it.id == 'gitlab' }.source", equalTo("bundled"))
                .body("data.find { it.id == 'gitlab' }.configured", equalTo(false))
                .body("data.find { it.id == 'gitlab' }.missing_settings.environment_variable", equalTo(List.of(
                        "LATCHKEY_PROVIDERS_GITLAB_CLIENT_ID", "LATCHKEY_PROVIDERS_GITLAB_CLIENT_SECRET")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tinyco", "sampleco"})
    void connectsFetchesRefreshesAndDisconnectsAgainstTheFake(String provider) {
        Response started = team.owner().body(Map.of("provider", provider, "scopes", List.of("read", "write")))
                .post("/v1/sites/" + site + "/connections");
        started.then().statusCode(201).body("authorize_url", startsWith("http://127.0.0.1"));
        Map<String, String> query = ConnectionsIT.query(started.path("authorize_url"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals("read write", query.get("scope"));
        assertEquals("latchkey-it", query.get("client_id"));
        String code = fake.approve(query.get("code_challenge"), query.get("scope"), 3600);
        api.anonymous().queryParam("state", (String) started.path("state")).queryParam("code", code)
                .get("/v1/connections/callback").then().statusCode(200)
                .body("provider", equalTo(provider))
                .body("status", equalTo("active"))
                .body("scopes", equalTo(List.of("read", "write")))
                .body("account.name", startsWith("Acme acct_"));

        String st = team.owner().post("/v1/sites/" + site + "/site-token").then().statusCode(201)
                .extract().path("token");
        String accessToken = api.as(st).get("/v1/site/connections/" + provider).then().statusCode(200)
                .body("expires_at", notNullValue()).extract().path("access_token");
        FakeOAuthServer.Grant grant = fake.grantOfAccessToken(accessToken);
        String refreshToken = grant.refreshToken;

        team.owner().post("/v1/sites/" + site + "/connections/" + provider + "/refresh").then().statusCode(200);
        assertEquals(1, grant.refreshes.get());
        assertNotEquals(refreshToken, grant.refreshToken, "the fake rotated the refresh token");
        String refreshed = api.as(st).get("/v1/site/connections/" + provider).path("access_token");
        assertEquals(grant.accessToken, refreshed, "the rotated tokens were saved and handed out");

        team.owner().delete("/v1/sites/" + site + "/connections/" + provider).then().statusCode(200)
                .body("revoked_at_provider", equalTo(true));
        assertTrue(grant.revoked, "revoked at the provider (RFC 7009)");
    }
}
