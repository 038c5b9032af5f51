package dev.latchkey.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Map;
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
        var environment = new java.util.HashMap<String, String>(Map.of(
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

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
