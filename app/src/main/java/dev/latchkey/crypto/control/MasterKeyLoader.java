package dev.latchkey.crypto.control;

import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.DatabaseSettings;
import dev.latchkey.startup.control.StartupFailedException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the master key: {@code latchkey.master-key} ({@code LATCHKEY_MASTER_KEY}, base64 of
 * 32 bytes) and any {@code latchkey.master-key.retired} keys (comma-separated) that older data
 * was sealed under. On the embedded database with no key configured, one is generated once
 * into {@code <data dir>/master.key} (0600); with MariaDB a configured key is required.
 */
public final class MasterKeyLoader {

    static final String GENERATED_FILE = "master.key";
    private static final Logger LOG = Logger.getLogger(MasterKeyLoader.class.getName());

    private MasterKeyLoader() {
    }

    public static MasterKeyRing load(Optional<String> configured, Optional<String> retired,
                                     DatabaseSettings database, DataDirectory dataDirectory) {
        MasterKey current = configured.filter(s -> !s.isBlank())
                .map(text -> parse(text, "LATCHKEY_MASTER_KEY"))
                .orElseGet(() -> generatedOrRefused(database, dataDirectory));
        List<MasterKey> old = retired.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(text -> parse(text, "LATCHKEY_MASTER_KEY_RETIRED"))
                .toList();
        return new MasterKeyRing(current, old);
    }

    private static MasterKey generatedOrRefused(DatabaseSettings database, DataDirectory dataDirectory) {
        if (!database.isEmbedded()) {
            throw new StartupFailedException("LATCHKEY_MASTER_KEY is required with an external database "
                    + "(generate one with: openssl rand -base64 32)");
        }
        Optional<String> existing = dataDirectory.read(GENERATED_FILE);
        if (existing.isPresent()) {
            return parse(existing.get(), dataDirectory.resolve(GENERATED_FILE).toString());
        }
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
