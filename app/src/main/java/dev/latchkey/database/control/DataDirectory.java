package dev.latchkey.database.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where Latchkey keeps its files: the embedded database, a generated master key, the
 * bootstrap token. {@code latchkey.data-dir} ({@code LATCHKEY_DATA_DIR}), default {@code ./data}.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static DataDirectory fromConfig() {
        String configured = ConfigProvider.getConfig(DataDirectory.class.getClassLoader())
                .getOptionalValue("latchkey.data-dir", String.class).orElse("data");
        return new DataDirectory(Path.of(configured));
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    /** Creates the directory owner-only (0700), or makes it so when it already exists and is ours. */
    public void ensureExists() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            restrict(root, OWNER_ONLY_DIRECTORY);
        }
    }

    /**
     * Makes the directory owner-only (0700) and every file in it 0600. H2 creates its files
     * with the process's umask (often world-readable), so this runs once the database is open,
     * on every start. Files and a directory of another user are left alone.
     */
    public void restrictToOwner() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        ensureExists();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                restrict(file, OWNER_ONLY_FILE);
            }
        }
    }

    /** Only the owner may change permissions: another user's directory or file is left as it is. */
    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (FileSystemException notOurs) {
            // EPERM or EACCES: not ours to change.
        }
    }

    public Optional<String> read(String name) {
        Path file = resolve(name);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes (or replaces) a file readable by the owner only (0600). The content goes to a
     * temporary file created with those permissions and is then moved into place, so the
     * file is never briefly world-readable nor half-written.
     */
    public void writeOwnerOnly(String name, String content) {
        Path file = resolve(name);
        try {
            ensureExists();
            Path temporary = Files.createTempFile(root, "." + name, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
