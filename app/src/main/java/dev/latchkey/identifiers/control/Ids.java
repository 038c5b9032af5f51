package dev.latchkey.identifiers.control;

/** New public identifiers: a type prefix and 16 random base62 characters (95 bits). */
public final class Ids {

    private static final int RANDOM_LENGTH = 16;

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + Base62.random(RANDOM_LENGTH);
    }

    /** Whether {@code id} could be an id made by {@link #next} with this prefix. */
    public static boolean looksLike(String prefix, String id) {
        return id != null && id.startsWith(prefix) && id.length() <= prefix.length() + 32
                && Base62.isBase62(id.substring(prefix.length()));
    }
}
