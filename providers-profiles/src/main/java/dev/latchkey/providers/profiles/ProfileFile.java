package dev.latchkey.providers.profiles;

import dev.latchkey.providers.OAuthProfile;
import java.util.List;

/**
 * One profile file, read: the {@link OAuthProfile} it describes, where its facts come from
 * ({@code sources}, the documentation pages it was written from) and its {@code notes} for the
 * admin (empty when none). {@code origin} names the file in messages.
 */
public record ProfileFile(String origin, OAuthProfile profile, List<String> sources, String notes) {

    public ProfileFile {
        sources = List.copyOf(sources);
        notes = notes == null ? "" : notes;
    }
}
