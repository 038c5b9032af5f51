package dev.latchkey.health.control;

import dev.latchkey.database.control.DatabaseSettings;
import dev.latchkey.database.control.DatabaseTimeouts;
import dev.latchkey.database.control.DirectDataSource;
import dev.latchkey.database.control.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the schema is migrated and the database answers within two seconds. On MariaDB
 * the probe opens a connection of its own (with the configured connect and socket timeouts),
 * so that it answers as quickly when the pool is busy or holds connections to a frozen server.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int ANSWER_SECONDS = 2;

    @Inject
    Migrations migrations;

    private volatile DataSource probes;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migrations.applied()) {
            return response.down().withData("reason", "migrations not applied yet").build();
        }
        try (Connection connection = probes().getConnection()) {
            return connection.isValid(ANSWER_SECONDS) ? response.up().build()
                    : response.down().withData("reason", "database did not answer").build();
        } catch (SQLException e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }

    private DataSource probes() throws SQLException {
        if (probes == null) {
            probes = DirectDataSource.of(migrations.dataSource(), DatabaseSettings.fromConfig(),
                    DatabaseTimeouts.fromConfig());
        }
        return probes;
    }
}
