package dev.latchkey.crypto.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 256-bit master key and its id. The id (first 4 bytes of the key's SHA-256, in hex) is
 * stored beside everything made with the key, so that a rotated ring still finds the right
 * one. It reveals nothing usable about the key.
 */
public final class MasterKey {

    public static final int LENGTH = 32;
    /** An id is this many hex characters. */
    static final int ID_LENGTH = 8;

    private final byte[] key;
    private final String id;

    private MasterKey(byte[] key) {
        this.key = key.clone();
        this.id = HexFormat.of().formatHex(Arrays.copyOf(sha256(key), ID_LENGTH / 2));
    }

    public static MasterKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a master key must be " + LENGTH + " bytes, got " + key.length);
        }
        return new MasterKey(key);
    }

    /** @throws IllegalArgumentException when the text is not base64 of exactly 32 bytes */
    public static MasterKey fromBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a master key must be base64");
        }
        return of(decoded);
    }

    public String id() {
        return id;
    }

    /** A key for one purpose derived from this one, so no two uses share key material. */
    byte[] derive(String purpose) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
