package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code box.json}. */
public final class Box extends ShippedProfile {

    public Box() {
        super("box");
    }
}
