package dev.latchkey.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own, in a temporary directory on a free port, that the test may
 * stop, start, freeze and thaw; the shared integration-test server is never touched. It runs
 * without grant tables (any account and password is let in), as the current user.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final Path directory;
    final int port;
    private Process server;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Creates an empty data directory under {@code directory} and starts a server on it. */
    static PrivateMariaDb start(Path directory) throws Exception {
        Path data = Files.createDirectories(directory.resolve("mariadb-data"));
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=" + user(),
                "--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"));
        var db = new PrivateMariaDb(directory, RunningJar.freePort());
        db.start();
        return db;
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void start() throws Exception {
        server = new ProcessBuilder(List.of("mariadbd", "--no-defaults",
                "--datadir=" + directory.resolve("mariadb-data"),
                "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--user=" + user(),
                "--skip-grant-tables", "--innodb-buffer-pool-size=32M"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadb.log").toFile()))
                .start();
        Instant begin = Instant.now();
        while (Duration.between(begin, Instant.now()).compareTo(STARTUP_LIMIT) < 0) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited:\n" + Files.readString(directory.resolve("mariadb.log")));
            }
            try (var probe = java.sql.DriverManager.getConnection(url("mysql"), "root", "")) {
                return;
            } catch (java.sql.SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not start within " + STARTUP_LIMIT);
    }

    /** Stops the server as an operator would (SIGTERM), and waits until it is gone. */
    void stop() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
    void freeze() throws Exception {
        signal("STOP");
    }

    /** Thaws a frozen server (SIGCONT). */
    void thaw() throws Exception {
        signal("CONT");
    }


    @Override
    public void close() throws Exception {
        if (server != null && server.isAlive()) {
            thaw();
            server.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void signal(String name) throws Exception {
        run(List.of("kill", "-" + name, String.valueOf(server.pid())), directory.resolve("signals.log"));
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed:\n" + Files.readString(log));
        }
    }

    private static String user() {
        return System.getProperty("user.name");
    }
}
