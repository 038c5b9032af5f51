package dev.latchkey.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar's first run, as a new user sees it: a short banner instead of Payara's
 * boot log, no token or key in the whole output, the public URL following {@code --port}, and
 * the operator's way back in when no owner can sign in. One jar start covers all but the refusal.
 */
class FirstRunJarIT {

    private static final String OWNER = "admin@localhost";

    @TempDir
    Path directory;

    @Test
    void firstRunPrintsABannerButNoSecretFollowsItsPortAndRecoversTheOwner() throws Exception {
        Path data = directory.resolve("data");
        // On an empty instance the bootstrap owner exists by the time recovery runs: one start proves both.
        try (RunningJar jar = RunningJar.start(directory, Map.of("LATCHKEY_RECOVER_OWNER", OWNER))) {
            String log = jar.log();
            String bootstrapToken = Files.readString(data.resolve("bootstrap-token")).trim();
            String recoveryToken = Files.readString(data.resolve("recovery-token")).trim();
            String masterKey = Files.readString(data.resolve("master.key")).trim();

            for (String secret : List.of(bootstrapToken, recoveryToken, masterKey)) {
                assertFalse(log.contains(secret), "a secret appeared in the startup output");
            }
            assertFalse(log.contains("pat_"), "no personal access token, not even a prefix of one, in the output");
            for (String line : List.of("Latchkey is up at " + jar.url(), "console         " + jar.url() + "/console/",
                    "database        H2 file " + data.toRealPath().resolve("latchkey.mv.db"),
                    "data directory  " + data.toRealPath(),
                    "master key      " + data.toRealPath().resolve("master.key") + " (id ",
                    "providers       github (not configured)",
                    "the owner's first token is in " + data.toRealPath().resolve("bootstrap-token") + " (0600)",
                    "a token for " + OWNER, "is in " + data.toRealPath().resolve("recovery-token") + " (0600)",
                    "LATCHKEY_LOG_STARTUP=verbose",
                    "LATCHKEY_PUBLIC_URL is not set")) {
                assertTrue(log.contains(line), "missing from the startup output: " + line + "\n" + log);
            }
            assertFalse(log.contains("Payara Micro URLs"), "Payara's own INFO lines are off by default");
            List<String> payaraInfo = log.lines().filter(line -> line.contains("[INFO]") && !line.contains("[dev.latchkey."))
                    .toList();
            assertEquals(List.of(), payaraInfo, "no INFO line but Latchkey's own (the web container's included)");
            // Access-log lines (JSON, one per request) are Latchkey's own and not part of startup.
            long lines = log.lines().filter(line -> !line.startsWith("{")).count();
            assertTrue(lines < 60, "the startup output should be short, was " + lines + " lines:\n" + log);

            Api api = Api.at(jar.url());
            api.anonymous().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                    .body("issuer", equalTo("http://127.0.0.1:" + jar.port))
                    .body("token_endpoint", equalTo("http://127.0.0.1:" + jar.port + "/oauth/token"));

            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    data.resolve("recovery-token"))));
            api.as(recoveryToken).get("/v1/whoami").then().statusCode(200)
                    .body("member.role", equalTo("owner")).body("member.email", equalTo(OWNER));
            api.as(recoveryToken).queryParam("action", "owner.recovered").get("/v1/audit-events").then()
                    .statusCode(200).body("data", hasSize(1))
                    .body("data[0].actor.type", equalTo("system"))
                    .body("data[0].target.name", equalTo(OWNER));
            String audit = api.as(recoveryToken).get("/v1/audit-events").asString();
            assertFalse(audit.contains(recoveryToken) || audit.contains(bootstrapToken), "the audit log holds no token");
        }
    }

    @Test
    void recoveringAnUnknownMemberRefusesToStartWithOneClearLine() throws Exception {
        Path log = directory.resolve("refused.log");
        Process process = RunningJar.launch(directory, Map.of("LATCHKEY_RECOVER_OWNER", "nobody@example.com"), log,
                RunningJar.freePort());
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "Latchkey must stop by itself");
        assertEquals(1, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("Latchkey cannot start: owner recovery (LATCHKEY_RECOVER_OWNER) refused: "
                + "no member has the e-mail address nobody@example.com"), output);
        assertFalse(Files.exists(directory.resolve("data/recovery-token")));
    }
}
