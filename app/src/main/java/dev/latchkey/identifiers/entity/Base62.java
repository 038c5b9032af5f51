package dev.latchkey.identifiers.entity;

import java.security.SecureRandom;

/** The alphanumeric alphabet of every id and token: URL-safe, double-click selectable. */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Base62() {
    }

    /**
     * Uniformly random characters from one draw of the shared {@link SecureRandom} (a draw per
     * character made it a point of contention): bytes of 248 or more are skipped, so each kept
     * byte modulo 62 is uniform.
     */
    public static String random(int length) {
        char[] chars = new char[length];
        byte[] bytes = new byte[length + length / 2 + 8];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int value = bytes[i] & 0xff;
                if (value < 248) {
                    chars[filled++] = ALPHABET.charAt(value % 62);
                }
            }
        }
        return new String(chars);
    }

    /** The value as exactly {@code width} digits, most significant first. */
    public static String encode(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        char[] chars = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        if (rest != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " digits");
        }
        return new String(chars);
    }

    public static boolean isBase62(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!alnum) {
                return false;
            }
        }
        return true;
    }
}
