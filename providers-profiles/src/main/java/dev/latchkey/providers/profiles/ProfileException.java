package dev.latchkey.providers.profiles;

/**
 * A profile file that cannot be used, with one line saying which file, which field and why, for
 * example {@code gitlab.json: unknown field "scope_seperator" (known: id, display_name, …)}.
 */
public final class ProfileException extends RuntimeException {

    public ProfileException(String source, String message) {
        super(source + ": " + message);
    }
}
