package dev.latchkey.database.control;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections beside the pool, for what must neither wait for a pooled connection nor share its
 * timeouts: readiness probes and migrations. On MariaDB that is MariaDB's own
 * unpooled data source with the given timeouts. On the embedded H2 it is the pool itself: the
 * database lives in this process, and a second URL would open its file a second time.
 */
public final class DirectDataSource {

    private DirectDataSource() {
    }

    public static DataSource of(DataSource pool, DatabaseSettings settings, DatabaseTimeouts timeouts)
            throws SQLException {
        return settings.isEmbedded() ? pool : MariaDbDataSources.create(settings, timeouts);
    }
}
