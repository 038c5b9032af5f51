package dev.latchkey.database.control;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/** MariaDB's own unpooled data source for the configured URL and account, with timeouts. */
public final class MariaDbDataSources {

    private MariaDbDataSources() {
    }

    public static DataSource create(DatabaseSettings settings, DatabaseTimeouts timeouts) throws SQLException {
        String url = settings.url();
        if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new SQLException("latchkey.db.url must be a jdbc:mariadb: URL, got " + settings);
        }
        var mariadb = new MariaDbDataSource(timeouts.applyTo(url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:")));
        mariadb.setUser(settings.user());
        mariadb.setPassword(settings.password());
        return mariadb;
    }
}
