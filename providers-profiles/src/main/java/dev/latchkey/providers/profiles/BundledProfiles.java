package dev.latchkey.providers.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The profiles shipped with Latchkey, class-path resources next to this class
 * ({@code <id>.json}). Each has a small {@link ShippedProfile} subclass registered in
 * {@code META-INF/services/dev.latchkey.providers.ProviderFactory}, so the bundled profiles are
 * found by {@link java.util.ServiceLoader} exactly like the bundled Java providers.
 */
public final class BundledProfiles {

    /** The ids of the shipped profiles, one file each. */
    public static final List<String> IDS = List.of("asana", "atlassian", "bitbucket", "box", "discord", "gitlab",
            "google", "microsoft", "reddit", "x", "zoom");

    private BundledProfiles() {
    }

    /** Reads one shipped profile. */
    public static ProfileFile read(String id) {
        String name = id + ".json";
        try (InputStream in = BundledProfiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ProfileException(name, "no such shipped profile");
            }
            return ProfileReader.read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every shipped profile. */
    public static List<ProfileFile> all() {
        return IDS.stream().map(BundledProfiles::read).toList();
    }
}
