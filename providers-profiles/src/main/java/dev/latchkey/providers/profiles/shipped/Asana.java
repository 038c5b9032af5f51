package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code asana.json}. */
public final class Asana extends ShippedProfile {

    public Asana() {
        super("asana");
    }
}
