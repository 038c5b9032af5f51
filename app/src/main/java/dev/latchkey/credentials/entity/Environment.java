package dev.latchkey.credentials.entity;

import dev.latchkey.problems.control.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which data set a site's credential acts in: test credentials never create, change or reach
 * anything live. Stored and shown by its wire name ({@link EnvironmentColumn}); a credential of a
 * member reaches both, and says so with an empty {@code Optional<Environment>}.
 */
public enum Environment {
    LIVE, TEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The environment named in a request.
     *
     * @throws InvalidInputException on the {@code environment} field for any other name
     */
    public static Environment parse(String name) {
        return fromWire(name).orElseThrow(
                () -> new InvalidInputException("environment", "environment must be 'live' or 'test'"));
    }

    /** The environment with this stored name; a name no environment has fails loudly. */
    public static Environment fromStored(String name) {
        return fromWire(name).orElseThrow(
                () -> new IllegalStateException("Stored environment '" + name + "' is not known"));
    }

    private static Optional<Environment> fromWire(String name) {
        for (Environment environment : values()) {
            if (environment.wireName().equals(name)) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }
}
