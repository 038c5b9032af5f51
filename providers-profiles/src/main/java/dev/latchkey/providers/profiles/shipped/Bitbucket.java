package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code bitbucket.json}. */
public final class Bitbucket extends ShippedProfile {

    public Bitbucket() {
        super("bitbucket");
    }
}
