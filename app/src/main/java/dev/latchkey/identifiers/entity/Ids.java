package dev.latchkey.identifiers.entity;

/** New public identifiers: a type prefix and 16 random base62 characters (95 bits). */
public final class Ids {

    private static final int RANDOM_LENGTH = 16;
    private static final java.util.regex.Pattern STORABLE = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,128}");

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

    /**
     * Whether {@code value} could name anything Latchkey stores: every identifier (ids, client ids,
     * document ids, type and provider names) is printable ASCII of at most 128 characters, in
     * ASCII columns that MariaDB refuses to compare with anything else. Callers look up nothing
     * (and find nothing) for a value that is not.
     */
    public static boolean isStorable(String value) {
        return value != null && STORABLE.matcher(value).matches();
    }
}
