package dev.latchkey.providers.profiles.shipped;

import dev.latchkey.providers.profiles.ShippedProfile;

/** The shipped profile {@code atlassian.json}. */
public final class Atlassian extends ShippedProfile {

    public Atlassian() {
        super("atlassian");
    }
}
