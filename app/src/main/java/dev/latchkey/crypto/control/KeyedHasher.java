package dev.latchkey.crypto.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) under a key derived from the master key for one purpose:
 * storing credentials ({@link #CREDENTIALS}) or sealing the audit chain. Tokens carry 190
 * bits of randomness, so a fast keyed hash is enough: nobody can brute-force them, and a
 * stolen table is useless without the master key. Comparison is constant-time.
 */
public final class KeyedHasher {

    /** A hash and the id of the master key it was made under. */
    public record Hashed(String keyId, byte[] hash) {
    }

    public static final String CREDENTIALS = "latchkey/credential-hash/v1";

    private final MasterKeyRing ring;
    private final String purpose;
    private final ConcurrentMap<String, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

    public KeyedHasher(MasterKeyRing ring, String purpose) {
        this.ring = ring;
        this.purpose = purpose;
    }

    public Hashed hash(String secret) {
        MasterKey key = ring.current();
        return new Hashed(key.id(), compute(key, secret));
    }

    /** The hash under the key with this id, or empty when the ring no longer has that key. */
    public Optional<byte[]> hashWith(String keyId, String secret) {
        return ring.byId(keyId).map(key -> compute(key, secret));
    }

    public boolean matches(String secret, String keyId, byte[] expected) {
        Optional<MasterKey> key = ring.byId(keyId);
        if (key.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(compute(key.get(), secret), expected);
    }

    private byte[] compute(MasterKey key, String secret) {
        Mac mac = macs.computeIfAbsent(key.id(), id -> ThreadLocal.withInitial(() -> newMac(key))).get();
        return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac(MasterKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.derive(purpose), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
