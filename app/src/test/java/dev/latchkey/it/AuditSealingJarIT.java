package dev.latchkey.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chain-head seals across restarts of the runnable jar on a private MariaDB database: a
 * database from before heads were sealed is sealed once on trust, with an event saying so;
 * a single unsealed head among sealed ones stays reported; after a master-key rotation the
 * heads are sealed again under the new key.
 */
class AuditSealingJarIT {

    private static final String MASTER_KEY = "YXVkaXQtc2VhbGluZy10ZXN0LW1hc3Rlci1rZXktMzI=";
    private static final String ROTATED_KEY = "cm90YXRlZC1zZWFsaW5nLXRlc3QtbWFzdGVyLWtleTM=";

    @TempDir
    Path directory;

    @Test
    void upgradedHeadsAreSealedOnceOnTrustAndAgainUnderARotatedKey() throws Exception {
        String database = TestDatabase.name() + "_jar_audit";
        try (var connection = java.sql.DriverManager.getConnection(TestDatabase.serverUrl(), "root", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        String admin;
        String adminTeam;
        String otherTeam;
        String otherOwner;
        try (RunningJar jar = RunningJar.start(directory, environment(database, MASTER_KEY, null))) {
            admin = Files.readString(directory.resolve("data/bootstrap-token")).trim();
            adminTeam = Api.at(jar.url()).as(admin).get("/v1/whoami").then().statusCode(200).extract().path("team.id");
            Response created = Api.at(jar.url()).as(admin).body(Map.of("name", "Other", "owner_email",
                    "other@example.com", "owner_name", "Other")).post("/v1/teams");
            otherTeam = created.then().statusCode(201).extract().path("id");
            otherOwner = created.path("token");
        }

        // As a database written before heads were sealed looks.
        execute(database, "update audit_chain_heads set seal = null, seal_key_id = null");
        try (RunningJar jar = RunningJar.start(directory, environment(database, MASTER_KEY, null))) {
            Api api = Api.at(jar.url());
            for (String token : new String[]{admin, otherOwner}) {
                api.as(token).get("/v1/audit-events/verify").then().statusCode(200).body("ok", equalTo(true));
                api.as(token).queryParam("action", "audit.chain_sealed").get("/v1/audit-events").then()
                        .body("data", hasSize(1)).body("data[0].actor.type", equalTo("system"));
            }
            assertTrue(jar.log().contains("as they stood"), "the first seal is announced");
        }
        String sealedUnderFirstKey = sealKeyId(database, adminTeam);

        // One head unsealed among sealed ones is tampering, never sealed on trust again.
        execute(database, "update audit_chain_heads set seal = null where team_id = '" + otherTeam + "'");
        try (RunningJar jar = RunningJar.start(directory, environment(database, ROTATED_KEY, MASTER_KEY))) {
            Api api = Api.at(jar.url());
            api.as(otherOwner).get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                    .body("first_mismatch.reason", equalTo("the chain head is not sealed"));
            api.as(otherOwner).body(Map.of("name", "after")).post("/v1/sites").then().statusCode(201);
            api.as(otherOwner).get("/v1/audit-events/verify").then().body("ok", equalTo(false));
            api.as(admin).get("/v1/audit-events/verify").then().body("ok", equalTo(true));
            api.as(admin).queryParam("action", "audit.chain_sealed").get("/v1/audit-events").then()
                    .body("data", hasSize(1));
            assertTrue(jar.log().contains("have no seal although others do"), "the unsealed head is reported");
        }
        assertNotEquals(sealedUnderFirstKey, sealKeyId(database, adminTeam), "sealed again under the new key");
    }

    private Map<String, String> environment(String database, String masterKey, String retired) {
        var environment = new HashMap<String, String>(Map.of(
                "LATCHKEY_DB_URL", "jdbc:mariadb://" + TestDatabase.HOST + "/" + database,
                "LATCHKEY_DB_USER", "root",
                "LATCHKEY_DB_PASSWORD", "",
                "LATCHKEY_DATA_DIR", directory.resolve("data").toString(),
                "LATCHKEY_MASTER_KEY", masterKey));
        if (retired != null) {
            environment.put("LATCHKEY_MASTER_KEY_RETIRED", retired);
        }
        return environment;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (var connection = TestDatabase.connect(database); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String sealKeyId(String database, String team) throws SQLException {
        return single(database, "select seal_key_id from audit_chain_heads where team_id = '" + team + "'");
    }

    private static String single(String database, String query) throws SQLException {
        try (var connection = TestDatabase.connect(database); var statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            String value = row.getString(1);
            assertEquals(false, row.next(), query);
            return value;
        }
    }
}
