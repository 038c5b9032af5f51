package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code reddit.json}. */
public final class Reddit extends ShippedProfile {

    public Reddit() {
        super("reddit");
    }
}
