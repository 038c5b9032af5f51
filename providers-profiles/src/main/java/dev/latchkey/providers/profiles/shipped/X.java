package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code x.json}. */
public final class X extends ShippedProfile {

    public X() {
        super("x");
    }
}
