package dev.latchkey.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;

/**
 * Run by the build before the integration tests: an empty MariaDB database and an empty data
 * directory, so that the first deployment bootstraps exactly as on a fresh install.
 */
public final class ResetDatabase {

    private ResetDatabase() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        String database = args[0];
        Path dataDirectory = Path.of(args[1]);
        try (var connection = DriverManager.getConnection(TestDatabase.serverUrl(), "root", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + "");
        }
        if (Files.exists(dataDirectory)) {
            try (var files = Files.walk(dataDirectory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
