package dev.latchkey.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MasterKeysInUseTest {

    private final JdbcDataSource database = new JdbcDataSource();

    MasterKeysInUseTest() {
        // Kept open between connections; the embedded database's own mode.
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE");
        database.setUser("sa");
    }

    @Test
    void anEmptyDatabaseUsesNoKey() {
        assertEquals(Set.of(), new MasterKeysInUse(database).find());
    }

    @Test
    void everyListedColumnExistsInTheMigratedSchema() throws SQLException {
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .placeholders(Map.of("id", "VARCHAR(40)", "ascii", "")).load().migrate();
        try (var connection = database.getConnection()) {
            for (var column : MasterKeysInUse.COLUMNS) {
                assertTrue(MasterKeysInUse.exists(connection, column), column + " is not in the schema");
            }
        }
        assertEquals(Set.of(), new MasterKeysInUse(database).find(), "a migrated, empty database uses no key");
    }

    @Test
    void keyIdsAndSealedValuesNameTheirKeysAndMissingTablesAreSkipped() throws SQLException {
        MasterKey sealing = MasterKey.of(new byte[32]);
        String sealed = new SecretBox(new MasterKeyRing(sealing, List.of())).seal("{\"kty\":\"EC\"}", "signing-key:k1");
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE credentials (hash_key_id VARCHAR(16))");
            statement.execute("INSERT INTO credentials VALUES ('aaaa1111'), ('aaaa1111'), ('cccc3333')");
            statement.execute("CREATE TABLE signing_keys (private_jwk TEXT)");
            statement.execute("INSERT INTO signing_keys VALUES ('" + sealed + "')");
            statement.execute("CREATE TABLE oauth_clients (secret TEXT)");
            statement.execute("INSERT INTO oauth_clients VALUES (NULL)");
            // An older schema: the table is there, the column not yet.
            statement.execute("CREATE TABLE audit_chain_heads (team_id VARCHAR(40))");
            statement.execute("INSERT INTO audit_chain_heads VALUES ('team_1')");
        }
        assertEquals(Set.of("aaaa1111", sealing.id(), "cccc3333"), new MasterKeysInUse(database).find());
    }
}
