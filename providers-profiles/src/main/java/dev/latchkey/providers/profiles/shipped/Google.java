package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code google.json}. */
public final class Google extends ShippedProfile {

    public Google() {
        super("google");
    }
}
