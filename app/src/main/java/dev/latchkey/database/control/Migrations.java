package dev.latchkey.database.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations of the {@code db} module; the only way the schema changes. */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());
    static final int MIGRATION_SOCKET_MILLIS = 600_000;

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    private volatile boolean applied;

    public void apply() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(migrationDataSource(settings))
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(placeholders(settings))
                .load()
                .migrate();
        applied = true;
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    /**
     * On MariaDB, migrations run on a connection of their own: the pool's socket timeout would
     * cut a long one short. They keep the connect timeout, and may be silent for
     * {@value #MIGRATION_SOCKET_MILLIS} ms (a large table rewritten) before the database counts
     * as gone.
     */
    private DataSource migrationDataSource(DatabaseSettings settings) {
        try {
            return DirectDataSource.of(dataSource, settings,
                    DatabaseTimeouts.fromConfig().withSocketMillis(MIGRATION_SOCKET_MILLIS));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * What differs between MariaDB and H2 in the migrations: {@code ${id}} is the type of public
     * ids and {@code ${ascii}} makes a column case-sensitive ASCII on MariaDB (H2 compares
     * case-sensitively anyway).
     */
    static Map<String, String> placeholders(DatabaseSettings settings) {
        String ascii = settings.isEmbedded() ? "" : "CHARACTER SET ascii COLLATE ascii_bin";
        return Map.of("id", ("VARCHAR(40) " + ascii).trim(), "ascii", ascii);
    }

    public boolean applied() {
        return applied;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
