package dev.latchkey.connections.control;

import java.util.Locale;

/** A provider setting that is not set, by both of its names: the property and the environment variable. */
public record MissingSetting(String property, String environmentVariable) {

    public static MissingSetting of(String providerId, String key) {
        String property = "latchkey.providers." + providerId + "." + key;
        return new MissingSetting(property, property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    @Override
    public String toString() {
        return property + " (" + environmentVariable + ")";
    }
}
