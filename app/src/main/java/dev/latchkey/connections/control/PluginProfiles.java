package dev.latchkey.connections.control;

import dev.latchkey.providers.profiles.ProfileDirectory;
import dev.latchkey.providers.profiles.ProfileProviderFactory;
import dev.latchkey.problems.control.StartupFailedException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The declarative providers an admin put into the plugins directory as {@code *.json} profiles
 * (format: docs/writing-a-provider.md). A profile that cannot be used is logged with the
 * reader's one line (file, field, why) and skipped, as a broken jar is; the rest load.
 */
final class PluginProfiles {

    private static final Logger LOG = Logger.getLogger(PluginProfiles.class.getName());

    private PluginProfiles() {
    }

    /** The usable profiles of {@code directory}, in file-name order. */
    static List<ProfileProviderFactory> in(Path directory) {
        List<ProfileDirectory.Found> found;
        try {
            found = ProfileDirectory.read(directory);
        } catch (UncheckedIOException e) {
            throw new StartupFailedException("cannot read the plugins directory " + directory.toAbsolutePath(), e);
        }
        for (ProfileDirectory.Found skipped : found.stream().filter(f -> !f.usable()).toList()) {
            LOG.log(Level.WARNING, "Skipping provider profile {0}", skipped.problem());
        }
        return found.stream().filter(ProfileDirectory.Found::usable).map(ProfileDirectory.Found::factory).toList();
    }
}
