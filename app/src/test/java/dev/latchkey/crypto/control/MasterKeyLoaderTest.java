package dev.latchkey.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.DatabaseSettings;
import dev.latchkey.problems.control.StartupFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyLoaderTest {

    private static final DatabaseSettings MARIADB = new DatabaseSettings("jdbc:mariadb://localhost/x", "u", "p");
    private static final DatabaseSettings H2 = new DatabaseSettings("jdbc:h2:file:/tmp/x", "sa", "");
    private static final Supplier<Set<String>> NOTHING_SEALED = Set::of;

    @TempDir
    Path directory;

    @Test
    void configuredKeyIsUsed() {
        String encoded = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKeyRing ring = MasterKeyLoader.load(Optional.of(encoded), Optional.empty(), MARIADB,
                new DataDirectory(directory), NOTHING_SEALED);
        assertEquals(MasterKey.of(new byte[32]).id(), ring.current().id());
    }

    @Test
    void embeddedWithoutKeyGeneratesOneOwnerOnlyAndReusesIt() throws Exception {
        var data = new DataDirectory(directory.resolve("data"));
        MasterKeyRing first = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data, NOTHING_SEALED);
        Path file = data.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        MasterKeyRing second = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data, NOTHING_SEALED);
        assertEquals(first.current().id(), second.current().id());
    }

    @Test
    void externalDatabaseWithoutKeyRefusesToStart() {
        var failure = assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(
                Optional.empty(), Optional.empty(), MARIADB, new DataDirectory(directory), NOTHING_SEALED));
        assertTrue(failure.getMessage().contains("LATCHKEY_MASTER_KEY is required"));
    }

    @Test
    void invalidKeyRefusesToStartWithoutEchoingIt() {
        var failure = assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(
                Optional.of("dG9vLXNob3J0"), Optional.empty(), MARIADB, new DataDirectory(directory), NOTHING_SEALED));
        assertTrue(!failure.getMessage().contains("dG9vLXNob3J0"));
    }

    @Test
    void retiredKeysJoinTheRing() {
        String current = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] oldBytes = new byte[32];
        oldBytes[0] = 1;
        String old = Base64.getEncoder().encodeToString(oldBytes);
        MasterKeyRing ring = MasterKeyLoader.load(Optional.of(current), Optional.of(" " + old + " "), MARIADB,
                new DataDirectory(directory), NOTHING_SEALED);
        assertTrue(ring.byId(MasterKey.of(oldBytes).id()).isPresent());
    }

    @Test
    void embeddedWithoutKeyFileOverSealedDataRefusesAndGeneratesNone() {
        var data = new DataDirectory(directory.resolve("data"));
        var failure = assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(
                Optional.empty(), Optional.empty(), H2, data, () -> Set.of("0a1b2c3d")));
        assertTrue(failure.getMessage().startsWith("the master key is missing: the database holds data sealed under "
                + "master key 0a1b2c3d"), failure.getMessage());
        assertTrue(failure.getMessage().contains("restore master.key from your backup to " + data.resolve("master.key")));
        assertTrue(failure.getMessage().contains("or set LATCHKEY_MASTER_KEY"));
        assertFalse(Files.exists(data.resolve("master.key")), "no key may be generated over existing data");
    }

    @Test
    void embeddedEmptyDatabaseStillGeneratesAKey() {
        var data = new DataDirectory(directory.resolve("data"));
        MasterKeyRing ring = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data, NOTHING_SEALED);
        assertTrue(Files.exists(data.resolve("master.key")));
        assertEquals(MasterKey.fromBase64(data.read("master.key").orElseThrow()).id(), ring.current().id());
    }

    @Test
    void embeddedKeyFileCoveringTheSealedDataIsUsed() {
        var data = new DataDirectory(directory.resolve("data"));
        String keyId = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data, NOTHING_SEALED).current().id();
        MasterKeyRing again = MasterKeyLoader.load(Optional.empty(), Optional.empty(), H2, data, () -> Set.of(keyId));
        assertEquals(keyId, again.current().id());
    }

    @Test
    void sealedDataUnderAKeyTheRingLacksRefusesNamingTheKeyId() {
        String current = Base64.getEncoder().encodeToString(new byte[32]);
        var failure = assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(Optional.of(current),
                Optional.empty(), MARIADB, new DataDirectory(directory),
                () -> Set.of(MasterKey.of(new byte[32]).id(), "0a1b2c3d")));
        assertTrue(failure.getMessage().startsWith("the database holds data sealed under master key 0a1b2c3d, "
                + "which the key ring lacks"), failure.getMessage());
        assertTrue(failure.getMessage().contains("LATCHKEY_MASTER_KEY_RETIRED"));
    }

    @Test
    void sealedDataUnderARetiredKeyInTheRingStarts() {
        byte[] oldBytes = new byte[32];
        oldBytes[0] = 1;
        String current = Base64.getEncoder().encodeToString(new byte[32]);
        String old = Base64.getEncoder().encodeToString(oldBytes);
        MasterKeyRing ring = MasterKeyLoader.load(Optional.of(current), Optional.of(old), MARIADB,
                new DataDirectory(directory), () -> Set.of(MasterKey.of(oldBytes).id()));
        assertEquals(MasterKey.of(new byte[32]).id(), ring.current().id());
    }

    @Test
    void externalDatabaseWithoutKeyRefusesBeforeReadingTheDatabase() {
        assertThrows(StartupFailedException.class, () -> MasterKeyLoader.load(Optional.empty(), Optional.empty(),
                MARIADB, new DataDirectory(directory), () -> {
                    throw new AssertionError("the database must not be read");
                }));
    }
}
