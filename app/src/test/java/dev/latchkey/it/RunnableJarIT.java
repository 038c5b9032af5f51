package dev.latchkey.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar, started as an operator starts it: no setup on the embedded default,
 * everything kept across a restart on H2 and on MariaDB, and a clear one-line refusal to
 * start when the configuration is wrong.
 */
class RunnableJarIT {

    private static final Logger LOG = Logger.getLogger(RunnableJarIT.class.getName());
    private static final String MASTER_KEY = "cmVzdGFydC10ZXN0cy1tYXN0ZXIta2V5LTMyYnl0ZXM=";

    @TempDir
    Path directory;

    @Test
    void embeddedDefaultStartsWithNoSetupAndKeepsEverythingAcrossRestart() throws Exception {
        String token;
        String site;
        try (RunningJar jar = RunningJar.start(directory, Map.of())) {
            LOG.info(() -> "runnable jar ready in " + jar.startup.toMillis() + " ms");
            Path data = directory.resolve("data");
            assertEquals("rwx------", permissions(data));
            assertEquals("rw-------", permissions(data.resolve("bootstrap-token")));
            assertEquals("rw-------", permissions(data.resolve("master.key")));
            assertTrue(jar.log().contains("No LATCHKEY_MASTER_KEY configured"));
            token = Files.readString(data.resolve("bootstrap-token")).trim();
            Api api = Api.at(jar.url());
            api.as(token).get("/v1/whoami").then().statusCode(200).body("member.role", equalTo("owner"));
            site = api.as(token).body(Map.of("name", "kept")).post("/v1/sites").then().statusCode(201)
                    .extract().path("id");
        }
        try (RunningJar again = RunningJar.start(directory, Map.of())) {
            Api api = Api.at(again.url());
            api.as(token).get("/v1/whoami").then().statusCode(200);
            api.as(token).get("/v1/sites").then().body("data.id", hasItem(site));
            assertEquals(token, Files.readString(directory.resolve("data/bootstrap-token")).trim());
            assertFalse(again.log().contains("bootstrapped team"), "a restart must not bootstrap again");
        }
    }

    @Test
    void mariadbKeepsEverythingAcrossRestart() throws Exception {
        String database = TestDatabase.name() + "_jar";
        recreate(database, null);
        Map<String, String> environment = mariadb(database, MASTER_KEY);
        String token;
        String personal;
        try (RunningJar jar = RunningJar.start(directory, environment)) {
            token = Files.readString(directory.resolve("data/bootstrap-token")).trim();
            Api api = Api.at(jar.url());
            api.as(token).body(Map.of("name", "kept")).post("/v1/sites").then().statusCode(201);
            personal = api.as(token).body(Map.of("name", "kept", "expires_in_days", 3))
                    .post("/v1/personal-tokens").then().statusCode(201).extract().path("token");
        }
        try (RunningJar again = RunningJar.start(directory, environment)) {
            Api api = Api.at(again.url());
            api.as(token).get("/v1/sites").then().body("data.name", hasItem("kept"));
            api.as(personal).get("/v1/whoami").then().statusCode(200);
        }
    }

    @Test
    void mariadbWithoutMasterKeyRefusesToStartWithOneClearLine() throws Exception {
        String database = TestDatabase.name() + "_jar_nokey";
        recreate(database, null);
        String log = failedStart(mariadb(database, null));
        assertTrue(log.contains("Latchkey cannot start: LATCHKEY_MASTER_KEY is required"), log);
    }

    @Test
    void failedMigrationStopsStartupWithOneClearLine() throws Exception {
        String database = TestDatabase.name() + "_jar_broken";
        recreate(database, "CREATE TABLE teams (unexpected INT)");
        String log = failedStart(mariadb(database, MASTER_KEY));
        assertTrue(log.contains("Latchkey cannot start: database migration failed:"), log);
    }

    @Test
    void twoPluginsWithOneProviderIdStopStartupWithOneClearLine() throws Exception {
        Path plugins = Files.createDirectories(directory.resolve("plugins"));
        TestPluginJar.write(Path.of("target/test-classes"), plugins.resolve("acme-one.jar"));
        TestPluginJar.write(Path.of("target/test-classes"), plugins.resolve("acme-two.jar"));
        String log = failedStart(Map.of("LATCHKEY_PLUGINS_DIR", plugins.toString()));
        assertTrue(log.contains("Latchkey cannot start: two providers have the id 'acme': acme-one.jar and acme-two.jar"),
                log);
    }

    @Test
    void aProfileWithTheIdOfAShippedOneStopsStartupWithOneClearLine() throws Exception {
        Path plugins = Files.createDirectories(directory.resolve("plugins"));
        Files.copy(Path.of("target/test-classes/it-profiles/tinyco.json"), plugins.resolve("my-gitlab.json"));
        Files.writeString(plugins.resolve("my-gitlab.json"),
                Files.readString(plugins.resolve("my-gitlab.json")).replace("\"id\": \"tinyco\"", "\"id\": \"gitlab\""));
        String log = failedStart(Map.of("LATCHKEY_PLUGINS_DIR", plugins.toString()));
        assertTrue(log.contains("Latchkey cannot start: two providers have the id 'gitlab': bundled and my-gitlab.json"),
                log);
    }

    @Test
    void aPluginForAnotherSpiVersionIsRefusedWithOneClearLine() throws Exception {
        Path plugins = Files.createDirectories(directory.resolve("plugins"));
        TestPluginJar.writeFuture(Path.of("target/test-classes"), plugins.resolve("future.jar"));
        try (RunningJar jar = RunningJar.start(directory, Map.of("LATCHKEY_PLUGINS_DIR", plugins.toString()))) {
            assertTrue(jar.log().contains("Refusing provider dev.latchkey.futureplugin.FutureProviderFactory of plugin"
                    + " future.jar: it was written for provider SPI 2.0; this Latchkey runs SPI 1.0"), jar.log());
            String owner = Files.readString(directory.resolve("data/bootstrap-token")).trim();
            Api.at(jar.url()).as(owner).get("/v1/providers").then().statusCode(200)
                    .body("data.id", org.hamcrest.Matchers.not(hasItem("future")));
        }
    }

    @Test
    void embeddedDefaultLosesNoAcknowledgedWriteToKill9() throws Exception {
        acknowledgedWritesSurviveKill9("H2", withHighRateLimit(Map.of()));
    }

    @Test
    void mariadbLosesNoAcknowledgedWriteToKill9() throws Exception {
        String database = TestDatabase.name() + "_jar_kill";
        recreate(database, null);
        acknowledgedWritesSurviveKill9("MariaDB", withHighRateLimit(mariadb(database, MASTER_KEY)));
    }

    /**
     * A burst of acknowledged writes and a key revoked (200, then 401), then SIGKILL right after
     * the last response, and a restart on the same data: the key is still revoked and every
     * write that was answered 2xx is there.
     */
    private void acknowledgedWritesSurviveKill9(String database, Map<String, String> environment) throws Exception {
        String owner;
        String site;
        String writer;
        String revoked;
        List<String> acknowledged = new ArrayList<>();
        int attempted = 200;
        try (RunningJar jar = RunningJar.start(directory, environment)) {
            owner = Files.readString(directory.resolve("data/bootstrap-token")).trim();
            Api api = Api.at(jar.url());
            site = api.as(owner).body(Map.of("name", "durable")).post("/v1/sites").then().statusCode(201)
                    .extract().path("id");
            writer = secretKey(api, owner, site).then().statusCode(201).extract().path("token");
            var doomed = secretKey(api, owner, site);
            revoked = doomed.then().statusCode(201).extract().path("token");
            api.as(revoked).get("/v1/whoami").then().statusCode(200);
            for (int i = 0; i < attempted; i++) {
                int status = api.as(writer).body(Map.of("n", i)).put("/v1/sites/" + site + "/data/Item/i" + i)
                        .statusCode();
                if (status / 100 == 2) {
                    acknowledged.add("i" + i);
                }
            }
            // Revoked last, so the revocation is the write closest to the kill.
            api.as(owner).delete("/v1/sites/" + site + "/tokens/" + doomed.path("id")).then().statusCode(200);
            api.as(revoked).get("/v1/whoami").then().statusCode(401);
            assertEquals(137, jar.kill(), "the jar must die of SIGKILL");
        }
        try (RunningJar again = RunningJar.start(directory, environment)) {
            Api api = Api.at(again.url());
            api.as(revoked).get("/v1/whoami").then().statusCode(401);
            List<String> lost = acknowledged.stream()
                    .filter(id -> api.as(writer).get("/v1/sites/" + site + "/data/Item/" + id).statusCode() != 200)
                    .toList();
            LOG.info(() -> database + " kill -9: " + acknowledged.size() + " of " + attempted
                    + " writes acknowledged, " + (acknowledged.size() - lost.size()) + " present after restart, "
                    + lost.size() + " lost; revoked key still 401");
            assertEquals(attempted, acknowledged.size(), "every write of the burst should have been acknowledged");
            assertEquals(List.of(), lost, "acknowledged writes lost to kill -9");
        }
    }

    private static Map<String, String> withHighRateLimit(Map<String, String> environment) {
        var raised = new HashMap<>(environment);
        raised.put("LATCHKEY_RATELIMIT_DEFAULT_REQUESTS", "100000");
        return raised;
    }

    @Test
    void clusterRateLimitStoreWithoutHazelcastRefusesToStartWithOneClearLine() throws Exception {
        String log = failedStart(Map.of("LATCHKEY_RATELIMIT_STORE", "cluster"));
        assertTrue(log.contains("Latchkey cannot start: latchkey.ratelimit.store=cluster needs Payara's Hazelcast "
                + "data grid, which latchkey.jar runs without"), log);
    }

    @Test
    void embeddedWithMasterKeyMovedAwayRefusesToStartAndGeneratesNoNewKey() throws Exception {
        String token;
        try (RunningJar jar = RunningJar.start(directory, Map.of())) {
            token = Files.readString(directory.resolve("data/bootstrap-token")).trim();
        }
        Path key = directory.resolve("data/master.key");
        Path backup = Files.move(key, directory.resolve("master.key.backup"));
        String log = failedStart(Map.of());
        String line = log.lines().filter(l -> l.contains("Latchkey cannot start:")).findFirst().orElse(log);
        assertTrue(line.contains("Latchkey cannot start: the master key is missing: the database holds data sealed "
                + "under master key "), log);
        assertTrue(line.contains("restore master.key from your backup to " + key + " or set LATCHKEY_MASTER_KEY"), line);
        assertFalse(Files.exists(key), "no master key may be generated over existing data");
        Files.move(backup, key);
        try (RunningJar restored = RunningJar.start(directory, Map.of())) {
            Api.at(restored.url()).as(token).get("/v1/whoami").then().statusCode(200);
        }
    }

    @Test
    void mariadbWithSealedDataUnderAKeyTheRingLacksRefusesNamingTheKey() throws Exception {
        String database = TestDatabase.name() + "_jar_otherkey";
        recreate(database, null);
        try (RunningJar jar = RunningJar.start(directory, mariadb(database, MASTER_KEY))) {
            Api.at(jar.url()).as(Files.readString(directory.resolve("data/bootstrap-token")).trim())
                    .get("/v1/whoami").then().statusCode(200);
        }
        String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String log = failedStart(mariadb(database, other));
        String sealedUnder = dev.latchkey.crypto.control.MasterKey.fromBase64(MASTER_KEY).id();
        assertTrue(log.contains("Latchkey cannot start: the database holds data sealed under master key " + sealedUnder
                + ", which the key ring lacks"), log);
    }

    @Test
    void embeddedDefaultInAnOpenDataDirectoryMakesItOwnerOnlyAndListensOnHttpOnly() throws Exception {
        Path data = Files.createDirectory(directory.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (RunningJar jar = RunningJar.start(directory, Map.of())) {
            assertEquals("rwx------", permissions(data));
            List<String> files;
            try (var listing = Files.list(data)) {
                files = listing.filter(Files::isRegularFile).map(file -> file.getFileName() + " " + permissions(file))
                        .sorted().toList();
            }
            assertTrue(files.stream().anyMatch(file -> file.startsWith("latchkey.mv.db ")), files.toString());
            assertEquals(List.of(), files.stream().filter(file -> !file.endsWith(" rw-------")).toList());
            Set<Integer> ports = ListeningSockets.tcpPortsOf(jar.pid());
            LOG.info(() -> "runnable jar listens on TCP " + ports + " (HTTP " + jar.port + "); data files " + files);
            assertEquals(Set.of(jar.port), ports, "nothing but HTTP may listen (no Hazelcast, no admin port)");
        }
    }

    @Test
    void responsesCarryNoStoreAndNosniffAndNoServerBanner() throws Exception {
        try (RunningJar jar = RunningJar.start(directory, Map.of())) {
            String owner = Files.readString(directory.resolve("data/bootstrap-token")).trim();
            Api api = Api.at(jar.url());
            String site = api.as(owner).body(Map.of("name", "headers")).post("/v1/sites").then().statusCode(201)
                    .extract().path("id");
            Map<String, io.restassured.response.Response> secrets = new LinkedHashMap<>();
            secrets.put("API key", secretKey(api, owner, site));
            secrets.put("PAT", api.as(owner).body(Map.of("name", "ci", "expires_in_days", 3))
                    .post("/v1/personal-tokens"));
            secrets.put("site token", api.as(owner).post("/v1/sites/" + site + "/site-token"));
            secrets.put("OAuth client secret", api.as(owner).body(Map.of("name", "billing", "type", "confidential",
                    "environment", "test")).post("/v1/sites/" + site + "/oauth-clients"));
            secrets.put("team", api.as(owner).body(Map.of("name", "Second", "owner_email", "second@example.com",
                    "owner_name", "Second owner")).post("/v1/teams"));
            secrets.forEach((what, response) -> response.then().statusCode(201)
                    .header("Cache-Control", equalTo("no-store")));
            var others = List.of(api.anonymous().get("/health/ready"), api.anonymous().get("/v1/whoami"),
                    api.anonymous().get("/no-such-path"), api.anonymous().get("/oauth/jwks"),
                    api.as(owner).get("/v1/sites"));
            api.anonymous().get("/oauth/jwks").then().header("Cache-Control", equalTo("max-age=300"));
            for (var response : concat(secrets.values(), others)) {
                response.then().header("X-Content-Type-Options", equalTo("nosniff"))
                        .header("Server", nullValue()).header("X-Powered-By", nullValue());
            }
        }
    }

    private static io.restassured.response.Response secretKey(Api api, String owner, String site) {
        return api.as(owner).body(Map.of("name", "key", "type", "secret", "environment", "live"))
                .post("/v1/sites/" + site + "/tokens");
    }

    private static <T> List<T> concat(java.util.Collection<T> first, java.util.Collection<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private String failedStart(Map<String, String> environment) throws Exception {
        Path log = directory.resolve("failed.log");
        Process process = RunningJar.launch(directory, environment, log, RunningJar.freePort());
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "Latchkey must stop by itself");
        assertEquals(1, process.exitValue());
        return Files.readString(log);
    }

    private Map<String, String> mariadb(String database, String masterKey) {
        var environment = new HashMap<String, String>(Map.of(
                "LATCHKEY_DB_URL", "jdbc:mariadb://" + TestDatabase.HOST + "/" + database,
                "LATCHKEY_DB_USER", "root",
                "LATCHKEY_DB_PASSWORD", "",
                "LATCHKEY_DATA_DIR", directory.resolve("data").toString()));
        if (masterKey != null) {
            environment.put("LATCHKEY_MASTER_KEY", masterKey);
        }
        return environment;
    }

    private static void recreate(String database, String extraStatement) throws SQLException {
        try (var connection = java.sql.DriverManager.getConnection(TestDatabase.serverUrl(), "root", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
            if (extraStatement != null) {
                statement.execute("USE " + database);
                statement.execute(extraStatement);
            }
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
