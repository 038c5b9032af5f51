package dev.latchkey.crypto.control;

import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.DatabaseSettings;
import dev.latchkey.problems.control.StartupFailedException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Finds the master key: {@code latchkey.master-key} ({@code LATCHKEY_MASTER_KEY}, base64 of
 * 32 bytes) and any {@code latchkey.master-key.retired} keys (comma-separated) that older data
 * was sealed under. On the embedded database with no key configured, one is generated once
 * into {@code <data dir>/master.key} (0600) — but only while the database holds nothing sealed
 * or hashed under a master key: a new key would make that data unreadable for good. With
 * MariaDB a configured key is required. Every key the data uses must be in the ring.
 */
public final class MasterKeyLoader {

    public static final String GENERATED_FILE = "master.key";
    private static final Logger LOG = Logger.getLogger(MasterKeyLoader.class.getName());

    private MasterKeyLoader() {
    }

    /** @param keysInUse the ids of the master keys the database's data needs ({@link MasterKeysInUse}) */
    public static MasterKeyRing load(Optional<String> configured, Optional<String> retired,
                                     DatabaseSettings database, DataDirectory dataDirectory,
                                     Supplier<Set<String>> keysInUse) {
        Optional<String> key = configured.filter(s -> !s.isBlank());
        if (key.isEmpty() && !database.isEmbedded()) {
            throw new StartupFailedException("LATCHKEY_MASTER_KEY is required with an external database "
                    + "(generate one with: openssl rand -base64 32)");
        }
        Set<String> inUse = keysInUse.get();
        MasterKey current = key.map(text -> parse(text, "LATCHKEY_MASTER_KEY"))
                .orElseGet(() -> foundOrGenerated(dataDirectory, inUse));
        List<MasterKey> old = retired.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(text -> parse(text, "LATCHKEY_MASTER_KEY_RETIRED"))
                .toList();
        MasterKeyRing ring = new MasterKeyRing(current, old);
        requireEveryKeyInUse(ring, inUse);
        return ring;
    }

    private static MasterKey foundOrGenerated(DataDirectory dataDirectory, Set<String> inUse) {
        String file = dataDirectory.resolve(GENERATED_FILE).toString();
        Optional<String> existing = dataDirectory.read(GENERATED_FILE);
        if (existing.isPresent()) {
            return parse(existing.get(), file);
        }
        if (!inUse.isEmpty()) {
            throw new StartupFailedException("the master key is missing: the database holds data sealed under master key "
                    + String.join(", ", inUse) + ", but LATCHKEY_MASTER_KEY is not set and " + file
                    + " does not exist; restore master.key from your backup to " + file
                    + " or set LATCHKEY_MASTER_KEY (no new key is generated over existing data)");
        }
        return generate(dataDirectory);
    }

    private static void requireEveryKeyInUse(MasterKeyRing ring, Set<String> inUse) {
        Set<String> missing = new TreeSet<>(inUse);
        missing.removeIf(id -> ring.byId(id).isPresent());
        if (!missing.isEmpty()) {
            throw new StartupFailedException("the database holds data sealed under master key " + String.join(", ", missing)
                    + ", which the key ring lacks (current key " + ring.current().id()
                    + "); restore that key from your backup and set it as LATCHKEY_MASTER_KEY or add it to "
                    + "LATCHKEY_MASTER_KEY_RETIRED");
        }
    }

    private static MasterKey generate(DataDirectory dataDirectory) {
        byte[] fresh = new byte[MasterKey.LENGTH];
        new java.security.SecureRandom().nextBytes(fresh);
        dataDirectory.writeOwnerOnly(GENERATED_FILE, Base64.getEncoder().encodeToString(fresh));
        LOG.warning(() -> "No LATCHKEY_MASTER_KEY configured: generated one into "
                + dataDirectory.resolve(GENERATED_FILE) + ". Fine for trying Latchkey out; in production "
                + "set LATCHKEY_MASTER_KEY and keep it outside the data directory.");
        return MasterKey.of(fresh);
    }

    private static MasterKey parse(String text, String source) {
        try {
            return MasterKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new StartupFailedException(source + " is not a valid master key: " + e.getMessage());
        }
    }
}
