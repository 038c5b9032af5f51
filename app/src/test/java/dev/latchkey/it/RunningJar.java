package dev.latchkey.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The runnable jar started as an operator would: {@code java -jar latchkey.jar --port N}. */
final class RunningJar implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    final int port;
    final Duration startup;

    private RunningJar(Process process, Path log, int port, Duration startup) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startup = startup;
    }

    /** Starts the jar in {@code directory} with exactly {@code environment} as LATCHKEY_* settings. */
    static Process launch(Path directory, Map<String, String> environment, Path log, int port) throws IOException {
        var builder = new ProcessBuilder(List.of("java", "-Xmx384m", "-jar", System.getProperty("latchkey.jar"),
                "--port", String.valueOf(port)))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LATCHKEY_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Starts the jar and waits until {@code /health/ready} answers 200. */
    static RunningJar start(Path directory, Map<String, String> environment) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile(directory, "latchkey-", ".log");
        Instant begin = Instant.now();
        Process process = launch(directory, environment, log, port);
        var client = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build();
        while (Duration.between(begin, Instant.now()).compareTo(STARTUP_LIMIT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Latchkey exited during startup:\n" + Files.readString(log));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new RunningJar(process, log, port, Duration.between(begin, Instant.now()));
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Latchkey was not ready within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    /** Kills the process as {@code kill -9} does (SIGKILL): no shutdown hook, nothing flushed; 137 = 128 + 9. */
    int kill() throws InterruptedException {
        return process.destroyForcibly().waitFor();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
