package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code microsoft.json}. */
public final class Microsoft extends ShippedProfile {

    public Microsoft() {
        super("microsoft");
    }
}
