package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code zoom.json}. */
public final class Zoom extends ShippedProfile {

    public Zoom() {
        super("zoom");
    }
}
