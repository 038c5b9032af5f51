package dev.latchkey.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.fake.FakeProviderServer;
import dev.latchkey.providers.github.FakeGitHub;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a refresh, with a provider that rotates refresh tokens (GitHub App
 * user tokens) and answers slowly: GitHub completes the refresh and retires the refresh token
 * Latchkey holds, and the answer is lost with the process. After the restart the refresh is
 * known to be interrupted, nothing waits for the dead process's lease, the pre-crash token (which
 * GitHub replaced) is not handed out, and each connection is reconnect_required within seconds,
 * with the reason and an audit event: the one a fetch asks for at once, the other found by the
 * startup recovery without any fetch.
 */
class RefreshCrashJarIT {

    private static final Logger LOG = Logger.getLogger(RefreshCrashJarIT.class.getName());

    @TempDir
    Path directory;

    @Test
    void aRefreshInterruptedByKill9IsSettledWithinSecondsOfTheRestart() throws Exception {
        try (FakeGitHub github = new FakeGitHub(0)) {
            github.kind(FakeGitHub.Kind.GITHUB_APP_EXPIRING);
            Map<String, String> environment = new HashMap<>();
            github.settings().forEach((key, value) -> environment.put(
                    "LATCHKEY_PROVIDERS_GITHUB_" + key.toUpperCase().replace('-', '_'), value));
            environment.put("LATCHKEY_RATELIMIT_DEFAULT_REQUESTS", "100000");
            String owner;
            List<String> sites;
            List<String> siteTokens;
            List<String> handedOut;
            try (RunningJar jar = RunningJar.start(directory, environment)) {
                owner = Files.readString(directory.resolve("data/bootstrap-token")).trim();
                Api api = Api.at(jar.url());
                sites = List.of(connectedSite(api, owner, github, "fetched"), connectedSite(api, owner, github, "idle"));
                siteTokens = sites.stream().map(site -> api.as(owner).post("/v1/sites/" + site + "/site-token")
                        .then().statusCode(201).extract().<String>path("token")).toList();
                handedOut = siteTokens.stream().map(st -> api.as(st).get("/v1/site/connections/github")
                        .then().statusCode(200).extract().<String>path("access_token")).toList();

                github.tokenDelay(Duration.ofSeconds(5));
                int before = github.refreshes();
                for (String site : sites) {
                    CompletableFuture.runAsync(() -> api.as(owner).post("/v1/sites/" + site + "/connections/github/refresh"));
                }
                long deadline = System.currentTimeMillis() + 10_000;
                while (github.refreshes() < before + 2) {
                    assertTrue(System.currentTimeMillis() < deadline, "both refreshes reached GitHub");
                    Thread.sleep(50);
                }
                Thread.sleep(500);
                assertEquals(137, jar.kill(), "the jar must die of SIGKILL while GitHub answers");
            }
            github.tokenDelay(Duration.ZERO);

            try (RunningJar again = RunningJar.start(directory, environment)) {
                Api api = Api.at(again.url());
                long asked = System.currentTimeMillis();
                Response fetched = api.as(siteTokens.get(0)).get("/v1/site/connections/github");
                long answeredIn = System.currentTimeMillis() - asked;
                LOG.info(() -> "after kill -9 mid-refresh: first fetch answered " + fetched.statusCode() + " in "
                        + answeredIn + " ms, " + again.startup.toMillis() + " ms after the restart began");
                Api.assertError(fetched, 409, "reconnect_required");
                fetched.then().body("message", containsString("interrupted"));
                assertTrue(answeredIn < 12_000, "no long lease block: " + answeredIn + " ms");

                long settled = waitForStatus(api, owner, sites.get(1), "reconnect_required", Duration.ofSeconds(30));
                LOG.info(() -> "the connection nobody fetched was settled by the startup recovery in " + settled
                        + " ms after ready");
                api.as(owner).queryParam("action", "connection.refresh_interrupted").get("/v1/audit-events").then()
                        .body("data.size()", equalTo(2));
                String log = again.log();
                assertTrue(log.contains("was interrupted"), "the server log says what happened");
                assertTrue(log.contains("refused: the connection needs reconnecting"), "and how it ended");
                handedOut.forEach(token -> assertFalse(log.contains(token), "a provider token in the server log"));
            }
        }
    }

    private static String connectedSite(Api api, String owner, FakeGitHub github, String name) throws Exception {
        String site = api.as(owner).body(Map.of("name", name)).post("/v1/sites").then().statusCode(201)
                .extract().path("id");
        Response started = api.as(owner).body(Map.of("provider", "github")).post("/v1/sites/" + site + "/connections");
        started.then().statusCode(201);
        URI callback = github.consent(URI.create(started.path("authorize_url")));
        Map<String, String> query = FakeProviderServer.parseForm(callback.getRawQuery());
        api.anonymous().queryParam("state", query.get("state")).queryParam("code", query.get("code"))
                .get("/v1/connections/callback").then().statusCode(200);
        return site;
    }

    private static long waitForStatus(Api api, String owner, String site, String status, Duration limit)
            throws InterruptedException {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < limit.toMillis()) {
            if (status.equals(api.as(owner).get("/v1/sites/" + site + "/connections/github").path("status"))) {
                return System.currentTimeMillis() - start;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(site + " did not become " + status + " within " + limit);
    }
}
