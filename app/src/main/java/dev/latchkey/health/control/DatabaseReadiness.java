package dev.latchkey.health.control;

import dev.latchkey.database.control.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Migrations migrations;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migrations.applied()) {
            return response.down().withData("reason", "migrations not applied yet").build();
        }
        try (Connection connection = migrations.dataSource().getConnection()) {
            return connection.isValid(2) ? response.up().build()
                    : response.down().withData("reason", "database did not answer").build();
        } catch (SQLException e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
