package dev.latchkey.crypto.control;

import static dev.latchkey.crypto.control.KeyedHasherTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(new MasterKeyRing(key(7), List.of()));

    @Test
    void sealedSecretOpensInItsContextAndCarriesTheKeyId() {
        String sealed = box.seal("gho_providertoken", "connection:site_1:github");
        assertTrue(sealed.startsWith("v1." + key(7).id() + "."));
        assertFalse(sealed.contains("gho_providertoken"));
        assertEquals("gho_providertoken", box.open(sealed, "connection:site_1:github"));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertNotEquals(box.seal("same", "c"), box.seal("same", "c"));
    }

    @Test
    void anotherContextOrATamperedValueDoesNotOpen() {
        String sealed = box.seal("secret", "row-1");
        assertThrows(SecretUnreadableException.class, () -> box.open(sealed, "row-2"));
        // A character inside the ciphertext (the last one may only carry padding bits).
        int at = sealed.length() - 10;
        char original = sealed.charAt(at);
        String tampered = sealed.substring(0, at) + (original == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThrows(SecretUnreadableException.class, () -> box.open(tampered, "row-1"));
        assertThrows(SecretUnreadableException.class, () -> box.open("garbage", "row-1"));
    }

    @Test
    void rotatedRingOpensOldValuesAndSealsWithTheNewKey() {
        String old = box.seal("secret", "c");
        var rotated = new SecretBox(new MasterKeyRing(key(8), List.of(key(7))));
        assertEquals("secret", rotated.open(old, "c"));
        assertTrue(rotated.needsResealing(old));
        assertFalse(rotated.needsResealing(rotated.seal("secret", "c")));
        var forgotten = new SecretBox(new MasterKeyRing(key(8), List.of()));
        assertThrows(SecretUnreadableException.class, () -> forgotten.open(old, "c"));
    }

    @Test
    void masterKeyMustBe32BytesOfBase64AndNeverPrintsItself() {
        assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64("not base64!"));
        String encoded = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey parsed = MasterKey.fromBase64(encoded);
        assertFalse(parsed.toString().contains(encoded));
        assertEquals(8, parsed.id().length());
    }
}
