package dev.latchkey.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin console at {@code /console/}: its files and headers, and every flow driven in a real
 * Chromium (one browser run for all of them, on this one deployment) — sign-in, a key created,
 * copied once and working, a key revoked after a typed confirmation, a provider connected through
 * its consent page (a local fake), a developer without owner actions, a session ending and
 * signing out, axe-core on each main page.
 */
class ConsoleIT extends DeployedLatchkey {

    static final String PASSWORD = "correct horse battery staple";
    static final Path SCREENSHOTS = Path.of("target/console");

    static FakeOAuthServer acme;

    TestTeam team;
    String ownerEmail;
    String developerEmail;

    @BeforeAll
    static void startFakeProvider() {
        acme = new FakeOAuthServer(Integer.getInteger("latchkey.it.fake-provider-port"));
    }

    @AfterAll
    static void stopFakeProvider() {
        acme.close();
    }

    @BeforeEach
    void ownerAndDeveloperWithPasswords() {
        team = api.newTeam();
        ownerEmail = team.owner().get("/v1/whoami").path("member.email");
        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        developerEmail = "dev-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        team.owner().body(Map.of("email", developerEmail, "name", "Dev", "role", "developer", "password", PASSWORD))
                .post("/v1/members").then().statusCode(201);
    }

    /** The page and its modules come from this origin only, under a CSP without inline script or style. */
    @Test
    void theConsoleIsServedWithAStrictContentSecurityPolicy() {
        Response page = api.anonymous().get("/console/");
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .body(not(containsString("<script>")), not(containsString("style=")));
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(page.asString());
        int loaded = 0;
        while (assets.find()) {
            assertTrue(!assets.group(1).contains("//"), "no other origin: " + assets.group(1));
            api.anonymous().get("/console/" + assets.group(1)).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
            loaded++;
        }
        assertEquals(3, loaded, "uPlot's style sheet, the console's, and its entry module");
        api.anonymous().get("/console/vendor/uPlot.esm.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"));
        api.anonymous().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", containsString("/console/"));
        for (String hidden : List.of("/console/ConsoleServlet.class", "/console/../WEB-INF/web.xml",
                "/console/vendor/LICENSE", "/console/META-INF/MANIFEST.MF")) {
            assertEquals(404, api.anonymous().redirects().follow(false).get(hidden).statusCode(), hidden);
        }
    }

    /** Every flow of the console in Chromium, checked by the browser script and here, over the API. */
    @Test
    void aRealBrowserRunsTheConsoleFlows() throws Exception {
        Path browser = Path.of("src/test/browser");
        assertTrue(Files.isDirectory(browser.resolve("node_modules/axe-core")),
                "playwright-core or axe-core is missing: run bin/test, which installs them and Chromium");
        Files.createDirectories(SCREENSHOTS);
        Process node = new ProcessBuilder("node", browser.resolve("console.mjs").toString(), Api.baseOf(api),
                ownerEmail, PASSWORD, developerEmail, PASSWORD, team.ownerToken(), SCREENSHOTS.toString(),
                api.anonymous().get("/.well-known/oauth-authorization-server").path("issuer").toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(180, TimeUnit.SECONDS), "the browser finished");
        assertEquals(0, node.exitValue(), output);
        Map<String, String> facts = new HashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                facts.put(line.substring(0, space) + (line.startsWith("axe ") ? " " + line.split(" ")[1] : ""),
                        line.substring(space + 1));
            }
        }

        // The key read back from the clipboard is a working key of the site.
        String copied = facts.get("copied");
        assertTrue(copied != null && copied.startsWith("sk_test_"), output);
        api.as(copied).get("/v1/whoami").then().statusCode(200).body("kind", equalTo("api_token"));
        String site = team.owner().get("/v1/sites").path("data[0].id");
        team.owner().get("/v1/sites/" + site + "/tokens").then()
                .body("data.find { it.name == 'old-integration' }.status", equalTo("revoked"))
                .body("data.find { it.name == 'backend' }.status", equalTo("active"));
        assertEquals("old-integration", facts.get("revoked"), output);

        String rolled = facts.get("rolled");
        assertTrue(rolled != null && rolled.startsWith("sk_test_"), output);
        api.as(rolled).get("/v1/whoami").then().statusCode(200);
        team.owner().get("/v1/sites/" + site + "/tokens").then()
                .body("data.findAll { it.name == 'worker' }.size()", equalTo(2))
                .body("data.findAll { it.name == 'worker' && it.rolled_from != null }.size()", equalTo(1));
        assertEquals("pii", facts.get("scope"), output);
        team.owner().get("/v1/sites/" + site + "/scopes").then()
                .body("data.find { it.name == 'pii' }.fields", org.hamcrest.Matchers.contains("Customer.email"));
        String secret = facts.get("client-secret");
        assertTrue(secret != null && secret.length() > 20, output);
        team.owner().get("/v1/sites/" + site + "/oauth-clients").then()
                .body("data.find { it.name == 'Notes' }.secret_last4", equalTo(secret.substring(secret.length() - 4)))
                .body("data.find { it.name == 'Notes' }.redirect_uris", org.hamcrest.Matchers.contains(
                        "https://notes.example/callback"));
        assertEquals("yes", facts.get("password-changed"), output);
        Matcher requests = Pattern.compile("last 90 days: (\\d+) in all").matcher(facts.getOrDefault("insights", ""));
        assertTrue(requests.find() && Integer.parseInt(requests.group(1)) >= 3, "the calls with the key: " + output);
        assertTrue(facts.getOrDefault("refused", "").startsWith("Wrong email or password"), output);
        api.as(facts.get("pat")).get("/v1/whoami").then().statusCode(200).body("kind", equalTo("personal_token"));
        assertTrue(facts.getOrDefault("connected", "").contains("active"), output);
        api.as(facts.get("site-token")).get("/v1/site/connections").then().statusCode(200)
                .body("data.provider", org.hamcrest.Matchers.hasItem("acme"));
        team.owner().get("/v1/sites/" + site + "/connections/acme").then().statusCode(200)
                .body("status", equalTo("active")).body("scopes", org.hamcrest.Matchers.hasItems("read", "write"));
        assertEquals("/v1/audit-events/export?action=token.revoked", facts.get("audit-filtered"), output);
        assertTrue(facts.getOrDefault("expired", "").startsWith("Your session has ended"), output);
        assertEquals("Sign in to Latchkey", facts.get("signed-out"), output);
        assertEquals("0", facts.get("developer-owner-actions"), output);
        for (String page : List.of("sign-in", "api-keys", "roll-dialog", "scope-edit", "connections", "api-key", "team", "audit-log", "profile", "insights")) {
            assertEquals(page + " 0", facts.get("axe " + page), "no serious or critical axe-core violation: " + output);
        }
        assertTrue(Files.size(SCREENSHOTS.resolve("api-key-created.png")) > 0, "the screens were rendered");
    }
}
