package dev.latchkey.providers.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The profiles an admin put into the plugins directory: every {@code *.json} file in it (not in
 * sub-directories), in file-name order. Each file is read on its own, so one bad file does not
 * hide the others: it comes back as a {@link Found} with the reader's one-line {@code problem}.
 */
public final class ProfileDirectory {

    /** One file: the provider it describes, or the problem that makes it unusable. */
    public record Found(Path file, ProfileProviderFactory factory, String problem) {

        public boolean usable() {
            return factory != null;
        }
    }

    private ProfileDirectory() {
    }

    /**
     * Reads every profile in {@code directory}; none when it does not exist.
     *
     * @throws UncheckedIOException when the directory exists but cannot be listed
     */
    public static List<Found> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins directory " + directory.toAbsolutePath(), e);
        }
        List<Found> found = new ArrayList<>();
        for (Path file : files) {
            found.add(readOne(file));
        }
        return found;
    }

    private static Found readOne(Path file) {
        String name = file.getFileName().toString();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new Found(file, new ProfileProviderFactory(ProfileReader.read(name, text)), null);
        } catch (ProfileException e) {
            return new Found(file, null, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return new Found(file, null, name + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
