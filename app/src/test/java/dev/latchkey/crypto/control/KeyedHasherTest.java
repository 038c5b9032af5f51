package dev.latchkey.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedHasherTest {

    static MasterKey key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return MasterKey.of(bytes);
    }

    @Test
    void sameSecretSameKeyMatches() {
        var hasher = new KeyedHasher(new MasterKeyRing(key(1), List.of()), KeyedHasher.CREDENTIALS);
        var hashed = hasher.hash("pat_secret");
        assertEquals(32, hashed.hash().length);
        assertTrue(hasher.matches("pat_secret", hashed.keyId(), hashed.hash()));
        assertArrayEquals(hashed.hash(), hasher.hash("pat_secret").hash());
    }

    @Test
    void otherSecretOrTamperedHashDoesNotMatch() {
        var hasher = new KeyedHasher(new MasterKeyRing(key(1), List.of()), KeyedHasher.CREDENTIALS);
        var hashed = hasher.hash("pat_secret");
        assertFalse(hasher.matches("pat_secreT", hashed.keyId(), hashed.hash()));
        byte[] tampered = hashed.hash();
        tampered[0] ^= 1;
        assertFalse(hasher.matches("pat_secret", hashed.keyId(), tampered));
    }

    @Test
    void hashIsKeyedSoAnotherMasterKeyGivesAnotherHash() {
        var one = new KeyedHasher(new MasterKeyRing(key(1), List.of()), KeyedHasher.CREDENTIALS).hash("pat_secret");
        var two = new KeyedHasher(new MasterKeyRing(key(2), List.of()), KeyedHasher.CREDENTIALS).hash("pat_secret");
        assertFalse(java.util.Arrays.equals(one.hash(), two.hash()));
    }

    @Test
    void eachPurposeHasItsOwnKey() {
        var ring = new MasterKeyRing(key(1), List.of());
        assertFalse(java.util.Arrays.equals(new KeyedHasher(ring, "a").hash("x").hash(),
                new KeyedHasher(ring, "b").hash("x").hash()));
    }

    @Test
    void hashesMadeUnderARetiredKeyStillVerifyAfterRotation() {
        var before = new KeyedHasher(new MasterKeyRing(key(1), List.of()), KeyedHasher.CREDENTIALS).hash("pat_secret");
        var rotated = new KeyedHasher(new MasterKeyRing(key(2), List.of(key(1))), KeyedHasher.CREDENTIALS);
        assertTrue(rotated.matches("pat_secret", before.keyId(), before.hash()));
        assertFalse(new KeyedHasher(new MasterKeyRing(key(2), List.of()), KeyedHasher.CREDENTIALS)
                .matches("pat_secret", before.keyId(), before.hash()));
    }
}
