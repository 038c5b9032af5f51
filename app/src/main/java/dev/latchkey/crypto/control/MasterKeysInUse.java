package dev.latchkey.crypto.control;

import dev.latchkey.problems.control.StartupFailedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The ids of the master keys that something in the database was sealed or hashed under:
 * without those keys it can never be read or verified again. Read before the master key ring
 * is made (and before migrations), so a table or column that does not exist yet is skipped.
 * A new column holding a master key id or a {@link SecretBox} value belongs in {@link #COLUMNS}.
 */
@ApplicationScoped
public class MasterKeysInUse {

    /** A column holding a master key id, or a sealed value ({@code v1.<key id>.…}) that names one. */
    record KeyColumn(String table, String column, boolean sealed) {

        String distinctKeyIds() {
            String prefix = SecretBox.VERSION + ".";
            return sealed
                    ? "SELECT DISTINCT SUBSTRING(" + column + ", " + (prefix.length() + 1) + ", " + MasterKey.ID_LENGTH
                            + ") FROM " + table + " WHERE " + column + " LIKE '" + prefix + "%'"
                    : "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL";
        }
    }

    static final List<KeyColumn> COLUMNS = List.of(
            new KeyColumn("credentials", "hash_key_id", false),
            new KeyColumn("oauth_refresh_tokens", "hash_key_id", false),
            new KeyColumn("audit_events", "hash_key_id", false),
            new KeyColumn("audit_chain_heads", "seal_key_id", false),
            new KeyColumn("signing_keys", "private_jwk", true),
            new KeyColumn("oauth_clients", "secret", true),
            new KeyColumn("connections", "access_token", true),
            new KeyColumn("connections", "refresh_token", true),
            new KeyColumn("connection_states", "code_verifier", true),
            new KeyColumn("idempotency_keys", "response", true));

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    public MasterKeysInUse() {
    }

    MasterKeysInUse(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws StartupFailedException when the database cannot be read: never guess "empty" */
    public Set<String> find() {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> ids = new TreeSet<>();
            for (KeyColumn column : COLUMNS) {
                if (exists(connection, column)) {
                    collect(connection, column, ids);
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StartupFailedException("cannot read which master keys the database uses: " + e.getMessage(), e);
        }
    }

    private static void collect(Connection connection, KeyColumn column, Set<String> ids) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(column.distinctKeyIds())) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
    }

    static boolean exists(Connection connection, KeyColumn column) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Set<String> names = new HashSet<>();
        // The current catalog and schema only: MariaDB would otherwise answer for every database.
        try (ResultSet columns = metadata.getColumns(connection.getCatalog(), connection.getSchema(),
                column.table(), null)) {
            while (columns.next()) {
                if (column.table().equalsIgnoreCase(columns.getString("TABLE_NAME"))) {
                    names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names.contains(column.column());
    }
}
