package dev.latchkey.credentials.control;

import dev.latchkey.identifiers.entity.Base62;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The shape of every Latchkey token: {@code <prefix><public id><secret><checksum>}, for example
 * {@code pat_} + 12 + 32 + 6 base62 characters. The prefix names the kind (and lets secret
 * scanners recognise it); the public id is the non-secret handle shown in listings and audit
 * events; the secret carries 190 random bits; the checksum (CRC32 of everything before it)
 * lets a mistyped or made-up token be refused without touching the database.
 */
public final class TokenFormat {

    public static final int PUBLIC_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    private static final int BODY_LENGTH = PUBLIC_ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;
    private static final int MAX_PREFIX_LENGTH = 16;
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[a-z]+(_[a-z]+)*_");

    /** A well-formed token, taken apart. */
    public record Token(String prefix, String publicId, String value) {

        /** The last four characters: safe to show, they are part of the checksum. */
        public String last4() {
            return value.substring(value.length() - 4);
        }

        @Override
        public String toString() {
            return "Token[" + prefix + publicId + "…]";
        }
    }

    private TokenFormat() {
    }

    public static Token generate(String prefix) {
        String publicId = Base62.random(PUBLIC_ID_LENGTH);
        String unchecked = prefix + publicId + Base62.random(SECRET_LENGTH);
        return new Token(prefix, publicId, unchecked + checksum(unchecked));
    }

    /** The token taken apart, or empty when it is not one of ours (wrong shape or checksum). */
    public static Optional<Token> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int split = text.lastIndexOf('_') + 1;
        if (split <= 1 || split > MAX_PREFIX_LENGTH || text.length() != split + BODY_LENGTH) {
            return Optional.empty();
        }
        String prefix = text.substring(0, split);
        String body = text.substring(split);
        if (!PREFIX.matcher(prefix).matches() || !Base62.isBase62(body)) {
            return Optional.empty();
        }
        String unchecked = text.substring(0, text.length() - CHECKSUM_LENGTH);
        if (!checksum(unchecked).equals(text.substring(text.length() - CHECKSUM_LENGTH))) {
            return Optional.empty();
        }
        return Optional.of(new Token(prefix, body.substring(0, PUBLIC_ID_LENGTH), text));
    }

    static String checksum(String unchecked) {
        CRC32 crc = new CRC32();
        crc.update(unchecked.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }
}
