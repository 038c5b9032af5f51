package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void aNewDirectoryIsCreatedOwnerOnly() throws Exception {
        var data = new DataDirectory(directory.resolve("data"));
        data.ensureExists();
        assertEquals("rwx------", permissions(data.root()));
    }

    @Test
    void anExistingOpenDirectoryAndItsFilesBecomeOwnerOnly() throws Exception {
        Path root = Files.createDirectory(directory.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path database = Files.writeString(root.resolve("latchkey.mv.db"), "h2");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        new DataDirectory(root).restrictToOwner();
        assertEquals("rwx------", permissions(root));
        assertEquals("rw-------", permissions(database));
    }

    @Test
    void writtenFilesAreOwnerOnly() throws Exception {
        var data = new DataDirectory(directory.resolve("data"));
        data.writeOwnerOnly("bootstrap-token", "pat_x");
        assertEquals("rw-------", permissions(data.resolve("bootstrap-token")));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
