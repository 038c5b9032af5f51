package dev.latchkey.it;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Makes tokens of Latchkey's public shape (prefix, 12 + 32 base62, CRC32 checksum). */
final class TokenShapes {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private TokenShapes() {
    }

    static String wellFormed(String prefix) {
        return checked(prefix, 44);
    }

    /** A well-formed token naming the same credential as {@code token} (prefix and public id), with another secret. */
    static String wrongSecretOf(String token) {
        int split = token.lastIndexOf('_') + 1;
        return checked(token.substring(0, split + 12), 32);
    }

    private static String checked(String start, int randomCharacters) {
        var random = new java.security.SecureRandom();
        StringBuilder unchecked = new StringBuilder(start);
        for (int i = 0; i < randomCharacters; i++) {
            unchecked.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        CRC32 crc = new CRC32();
        crc.update(unchecked.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] checksum = new char[6];
        for (int i = 5; i >= 0; i--) {
            checksum[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return unchecked + new String(checksum);
    }
}
