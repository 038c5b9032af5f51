package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

class MariaDbDataSourcesTest {

    private static final DatabaseTimeouts TIMEOUTS = new DatabaseTimeouts(2000, 3000);

    @Test
    void aMariaDbDataSourceCarriesTheTimeouts() throws SQLException {
        var settings = new DatabaseSettings("jdbc:mysql://db:3306/latchkey", "latchkey", "secret");
        var mariadb = (MariaDbDataSource) MariaDbDataSources.create(settings, TIMEOUTS);
        assertTrue(mariadb.getUrl().startsWith("jdbc:mariadb://db"), mariadb.getUrl());
        assertTrue(mariadb.getUrl().endsWith("&connectTimeout=2000&socketTimeout=3000"), mariadb.getUrl());
    }

    @Test
    void anotherDatabaseIsRefusedWithoutShowingThePassword() {
        var settings = new DatabaseSettings("jdbc:postgresql://db/latchkey?password=hunter2", "u", "hunter2");
        SQLException refused = assertThrows(SQLException.class, () -> MariaDbDataSources.create(settings, TIMEOUTS));
        assertTrue(refused.getMessage().startsWith("latchkey.db.url must be a jdbc:mariadb: URL"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void directConnectionsToTheEmbeddedDatabaseAreThePool() throws SQLException {
        DataSource pool = new JdbcDataSource();
        assertSame(pool, DirectDataSource.of(pool, new DatabaseSettings("jdbc:h2:file:/tmp/x", "sa", ""), TIMEOUTS));
    }

    @Test
    void directConnectionsToMariaDbBypassThePool() throws SQLException {
        DataSource pool = new JdbcDataSource();
        DataSource direct = DirectDataSource.of(pool,
                new DatabaseSettings("jdbc:mariadb://db/latchkey", "u", "p"), TIMEOUTS.withSocketMillis(600_000));
        assertTrue(((MariaDbDataSource) direct).getUrl().endsWith("&connectTimeout=2000&socketTimeout=600000"));
    }
}
