package dev.latchkey.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private static final Path QUIET = Path.of("/tmp/quiet.properties");

    @Test
    void payaraStartsQuietByDefault() {
        assertEquals(List.of("--port", "9090", "--logProperties", QUIET.toString()),
                Launcher.withLogging(List.of("--port", "9090"), null, () -> QUIET));
    }

    @Test
    void verboseKeepsPayarasOwnLogging() {
        assertEquals(List.of("--port", "9090"), Launcher.withLogging(List.of("--port", "9090"), " Verbose ", () -> QUIET));
    }

    @Test
    void anOperatorsOwnLoggingSetupWins() {
        assertEquals(List.of("--logProperties", "mine.properties"),
                Launcher.withLogging(List.of("--logProperties", "mine.properties"), null, () -> QUIET));
        assertEquals(List.of("--logtofile", "/var/log/latchkey.log"),
                Launcher.withLogging(List.of("--logtofile", "/var/log/latchkey.log"), null, () -> QUIET));
    }

    @Test
    void thePortIsTheOneGivenOnTheCommandLineElsePayaraMicrosProperty() {
        assertEquals(Optional.of("9090"), Launcher.port(List.of("--nocluster", "--port", "9090"), "7070"));
        assertEquals(Optional.of("7070"), Launcher.port(List.of(), "7070"));
        assertEquals(Optional.empty(), Launcher.port(List.of("--port"), null));
        assertEquals(Optional.empty(), Launcher.port(List.of("--port", "ninety"), "x"));
    }
}
