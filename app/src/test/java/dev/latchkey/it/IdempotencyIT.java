package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Idempotency-Key} as a client retrying after a timeout uses it: the same key and body replay
 * the first answer (the secret shown once included) and create nothing more, on this instance or
 * on another sharing the database; another body is a 409; another credential or route is another key.
 */
class IdempotencyIT extends DeployedLatchkey {

    private static final Map<String, Object> KEY = Map.of("name", "retried", "type", "secret", "environment", "test");

    private TestTeam team;
    private String tokens;

    @BeforeEach
    void prepareTeam() {
        team = api.newTeam();
        tokens = "/v1/sites/" + team.createSite("idempotency") + "/tokens";
    }

    private static String newKey() {
        return "retry-" + UUID.randomUUID();
    }

    private int keysListed() {
        return team.owner().queryParam("limit", 100).get(tokens).jsonPath().getList("data").size();
    }

    @Test
    void theSameKeyAndBodyCreateOneKeyAndReplayTheSameSecret() {
        String key = newKey();
        Response first = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens);
        first.then().statusCode(201);
        Response again = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens);
        again.then().statusCode(201);
        assertEquals(first.path("token").toString(), again.path("token"), "the secret shown once, shown again");
        assertEquals(first.path("id").toString(), again.path("id"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        assertNotEquals(first.header("X-Request-Id"), again.header("X-Request-Id"));
        assertEquals(1, keysListed(), "one key created");
    }

    @Test
    void theSameKeyWithAnotherBodyIsA409() {
        String key = newKey();
        team.owner().header("Idempotency-Key", key).body(KEY).post(tokens).then().statusCode(201);
        Response other = team.owner().header("Idempotency-Key", key)
                .body(Map.of("name", "another", "type", "secret", "environment", "test")).post(tokens);
        Api.assertError(other, 409, "idempotency_conflict");
        assertEquals(1, keysListed());
    }

    @Test
    void keysBelongToOneCredentialAndOneRoute() {
        String key = newKey();
        String first = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens).then().statusCode(201)
                .extract().path("token");
        String colleague = team.memberToken("owner");
        String second = api.as(colleague).header("Idempotency-Key", key).body(KEY).post(tokens).then()
                .statusCode(201).extract().path("token");
        assertNotEquals(first, second, "another credential's key is its own");
        team.owner().header("Idempotency-Key", key).body(Map.of("name", "retried")).post("/v1/sites")
                .then().statusCode(201);
        assertEquals(2, keysListed());
    }

    @Test
    void aClientErrorIsReplayedAndAKeyLongerThan255IsRefused() {
        String key = newKey();
        Map<String, Object> invalid = Map.of("name", "x", "type", "secret", "environment", "staging");
        Response first = team.owner().header("Idempotency-Key", key).body(invalid).post(tokens);
        Api.assertError(first, 400, "invalid_request");
        Response again = team.owner().header("Idempotency-Key", key).body(invalid).post(tokens);
        assertEquals(first.asString(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        Api.assertError(team.owner().header("Idempotency-Key", "k".repeat(256)).body(KEY).post(tokens), 400,
                "invalid_request");
        assertEquals(0, keysListed());
    }

    /** The row of this team's key: its hash as the server computes it (route, newline, key). */
    private String keyHash(String key) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(("POST " + tokens + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    private int updateRow(String sql, String key) throws Exception {
        try (var connection = TestDatabase.connect(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, keyHash(key));
            return statement.executeUpdate();
        }
    }

    /**
     * A retry while the first request is still being served (its key claimed, no outcome yet —
     * the state between the claim and the use case's commit) is a 409 that says so, and runs nothing.
     */
    @Test
    void aRetryWhileTheFirstIsStillRunningIsA409() throws Exception {
        String key = newKey();
        team.owner().header("Idempotency-Key", key).body(KEY).post(tokens).then().statusCode(201);
        assertEquals(1, updateRow("UPDATE idempotency_keys SET status = NULL, response = NULL, location = NULL"
                + " WHERE key_hash = ?", key), "the first request's claim, as while it runs");
        team.owner().header("Idempotency-Key", key).body(KEY).post(tokens).then().statusCode(409)
                .body("error", org.hamcrest.Matchers.equalTo("idempotency_conflict"))
                .body("message", org.hamcrest.Matchers.containsString("still being served"));
        assertEquals(1, keysListed(), "nothing created by the retry");
    }

    /**
     * After 24 hours a key is forgotten: the purge deletes its row (every two seconds in the tests,
     * hourly by default), and the same key and body then create anew.
     */
    @Test
    void aKeyOlderThan24HoursIsPurgedAndThenRunsAgain() throws Exception {
        String key = newKey();
        String first = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens).then().statusCode(201)
                .extract().path("id");
        long dayAndAMinuteAgo = System.currentTimeMillis() - java.time.Duration.ofHours(24).plusMinutes(1).toMillis();
        assertEquals(1, updateRow("UPDATE idempotency_keys SET created_at = " + dayAndAMinuteAgo
                + ", expires_at = " + (dayAndAMinuteAgo + java.time.Duration.ofHours(24).toMillis())
                + " WHERE key_hash = ?", key));
        long deadline = System.currentTimeMillis() + 20_000;
        int rows;
        do {
            Thread.sleep(500);
            try (var connection = TestDatabase.connect();
                 var statement = connection.prepareStatement("SELECT COUNT(*) FROM idempotency_keys WHERE key_hash = ?")) {
                statement.setString(1, keyHash(key));
                var result = statement.executeQuery();
                result.next();
                rows = result.getInt(1);
            }
        } while (rows > 0 && System.currentTimeMillis() < deadline);
        assertEquals(0, rows, "the purge deleted the expired key");
        Response again = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens);
        again.then().statusCode(201);
        assertNull(again.header("Idempotent-Replayed"));
        assertNotEquals(first, again.path("id"), "a new key, not a replay");
        assertEquals(2, keysListed());
    }

    @Test
    void theStoredResponseHoldsNoPlaintextSecret() throws SQLException {
        String key = newKey();
        String secret = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens).then().statusCode(201)
                .extract().path("token");
        try (var connection = TestDatabase.connect();
             var statement = connection.prepareStatement("SELECT response, route, key_hash FROM idempotency_keys"
                     + " WHERE response LIKE ? OR route LIKE ? OR key_hash LIKE ?")) {
            for (int i = 1; i <= 3; i++) {
                statement.setString(i, "%" + secret.substring(8) + "%");
            }
            assertTrue(!statement.executeQuery().next(), "no row holds the secret in plaintext");
        }
        try (var connection = TestDatabase.connect();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM idempotency_keys WHERE route = ?"
                     + " AND response LIKE 'v1.%' AND key_hash <> ?")) {
            statement.setString(1, "POST " + tokens);
            statement.setString(2, key);
            var rows = statement.executeQuery();
            rows.next();
            assertEquals(1, rows.getInt(1), "the response is sealed, the key kept only as a hash");
        }
    }

    @Test
    void aSecondInstanceSharingTheDatabaseReplaysToo(@TempDir Path directory) throws Exception {
        String key = newKey();
        Response first = team.owner().header("Idempotency-Key", key).body(KEY).post(tokens);
        first.then().statusCode(201);
        try (RunningJar other = RunningJar.start(directory, Map.of(
                "LATCHKEY_DB_URL", System.getenv("LATCHKEY_DB_URL"),
                "LATCHKEY_DB_USER", "root",
                "LATCHKEY_DB_PASSWORD", "",
                "LATCHKEY_MASTER_KEY", System.getenv("LATCHKEY_MASTER_KEY"),
                "LATCHKEY_DATA_DIR", directory.resolve("data").toString()))) {
            Response again = Api.at(other.url()).as(team.ownerToken()).header("Idempotency-Key", key).body(KEY)
                    .post(tokens);
            again.then().statusCode(201);
            assertEquals(first.path("token").toString(), again.path("token"));
            assertEquals("true", again.header("Idempotent-Replayed"));
            Api.assertError(Api.at(other.url()).as(team.ownerToken()).header("Idempotency-Key", key)
                    .body(Map.of("name", "changed", "type", "secret", "environment", "test")).post(tokens), 409,
                    "idempotency_conflict");
        }
        assertEquals(1, keysListed());
    }
}
