package dev.latchkey.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;

/**
 * Run by the build before the integration tests: an empty MariaDB database and an empty data
 * directory, so that the first deployment bootstraps exactly as on a fresh install; and a
 * plugins directory holding the test plugin jar, a broken jar, the sample plugin's jar
 * (samples/provider-plugin) and the profiles of {@code it-profiles} (one usable, one with a
 * misspelt field), as an admin might leave it.
 */
public final class PrepareIntegrationTests {

    private PrepareIntegrationTests() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        String database = args[0];
        Path dataDirectory = Path.of(args[1]);
        Path pluginsDirectory = Path.of(args[2]);
        Path testClasses = Path.of(args[3]);
        Path samplePlugin = Path.of(args[4]);
        try (var connection = DriverManager.getConnection(TestDatabase.serverUrl(), "root", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + "");
        }
        delete(dataDirectory);
        delete(pluginsDirectory);
        Files.createDirectories(pluginsDirectory);
        TestPluginJar.write(testClasses, pluginsDirectory.resolve(TestPluginJar.NAME));
        Files.writeString(pluginsDirectory.resolve("broken.jar"), "this is not a zip file");
        copyAll(samplePlugin, ".jar", pluginsDirectory);
        copyAll(testClasses.resolve("it-profiles"), ".json", pluginsDirectory);
    }

    private static void copyAll(Path from, String suffix, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
