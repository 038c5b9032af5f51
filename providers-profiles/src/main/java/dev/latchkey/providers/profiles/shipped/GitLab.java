package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code gitlab.json}. */
public final class GitLab extends ShippedProfile {

    public GitLab() {
        super("gitlab");
    }
}
