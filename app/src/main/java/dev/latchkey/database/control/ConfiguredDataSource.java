package dev.latchkey.database.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The data source the container pools ({@code WEB-INF/web.xml} names this class). It reads
 * {@link DatabaseSettings} from MicroProfile Config and delegates to MariaDB's or H2's own
 * data source, so one deployment serves either database with no server configuration.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;

    private DataSource delegate() throws SQLException {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(DatabaseSettings.fromConfig());
                }
                current = delegate;
            }
        }
        return current;
    }

    private static DataSource create(DatabaseSettings settings) throws SQLException {
        if (settings.isEmbedded()) {
            try {
                DataDirectory.fromConfig().ensureExists();
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the data directory", e);
            }
            var h2 = new JdbcDataSource();
            h2.setURL(settings.url());
            h2.setUser(settings.user());
            h2.setPassword(settings.password());
            return h2;
        }
        return MariaDbDataSources.create(settings, DatabaseTimeouts.fromConfig());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // The container's own logging is used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Connection timeouts come from the JDBC URL.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
