package dev.latchkey.database.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations of the {@code db} module; the only way the schema changes. */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    private volatile boolean applied;

    public void apply() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(Map.of("id", settings.isEmbedded() ? "VARCHAR(40)"
                        : "VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin"))
                .load()
                .migrate();
        applied = true;
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    public boolean applied() {
        return applied;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
