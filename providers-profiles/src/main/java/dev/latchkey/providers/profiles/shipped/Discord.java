package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code discord.json}. */
public final class Discord extends ShippedProfile {

    public Discord() {
        super("discord");
    }
}
