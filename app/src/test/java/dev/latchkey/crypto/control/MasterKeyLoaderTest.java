package dev.latchkey.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.DatabaseSettings;
import dev.latchkey.startup.control.StartupFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyLoaderTest {

    private static final DatabaseSettings MARIADB = new DatabaseSettings("jdbc:mariadb://localhost/x", "u", "p");
    private static final DatabaseSettings H2 = new DatabaseSettings("jdbc:h2:file:/tmp/x", "sa", "");

    @TempDir
    Path directory;

    @Test
    void configuredKeyIsUsed() {
        String encoded = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKeyRing ring = MasterKeyLoader.load(Optional.of(encoded), Optional.empty(), MARIADB,
                new DataDirectory(directory));
        assertEquals(MasterKey.of(new byte[32]).id(), ring.current().id());
    }

    @Test
    void embeddedWithoutKeyGeneratesOneOwnerOnlyAndReusesIt() throws Exception {
        var data = new DataDirectory(directory.resolve("data"));
        MasterKeyRing first = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data);
        Path file = data.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        MasterKeyRing second = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data);
        assertEquals(first.current().id(), second.current().id());
    }

    @Test
    void externalDatabaseWithoutKeyRefusesToStart() {
        var failure = assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(
                Optional.empty(), Optional.empty(), MARIADB, new DataDirectory(directory)));
        assertTrue(failure.getMessage().contains("LATCHKEY_MASTER_KEY is required"));
    }

    @Test
    void invalidKeyRefusesToStartWithoutEchoingIt() {
        var failure = assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(
                Optional.of("dG9vLXNob3J0"), Optional.empty(), MARIADB, new DataDirectory(directory)));
        assertTrue(!failure.getMessage().contains("dG9vLXNob3J0"));
    }

    @Test
    void retiredKeysJoinTheRing() {
        String current = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] oldBytes = new byte[32];
        oldBytes[0] = 1;
        String old = Base64.getEncoder().encodeToString(oldBytes);
        MasterKeyRing ring = MasterKeyLoader.load(Optional.of(current), Optional.of(" " + old + " "), MARIADB,
                new DataDirectory(directory));
        assertTrue(ring.byId(MasterKey.of(oldBytes).id()).isPresent());
    }
}
