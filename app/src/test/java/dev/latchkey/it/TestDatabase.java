package dev.latchkey.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct access to the integration-test MariaDB, for what no API may do (travelling in time). */
public final class TestDatabase {

    static final String HOST = "127.0.0.1:3306";

    private TestDatabase() {
    }

    /** The integration tests' database; other databases a test makes are named after it. */
    static String name() {
        return System.getProperty("latchkey.it.db-name", "latchkey_it");
    }

    static String serverUrl() {
        return "jdbc:mariadb://" + HOST + "/";
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(serverUrl() + database, "root", "");
    }

    public static Connection connect() throws SQLException {
        return connect(name());
    }

    public static void execute(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
