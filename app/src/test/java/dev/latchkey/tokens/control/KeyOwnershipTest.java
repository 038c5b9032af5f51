package dev.latchkey.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.problems.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class KeyOwnershipTest {

    private static String object(String value) {
        return "{\"b\":\"" + value + "\"}"; // 8 bytes around the value
    }

    @Test
    void ownerIsOneTo128Characters() {
        assertEquals("o".repeat(128), KeyOwnership.checked("o".repeat(128), null).ownerId());
        assertThrows(InvalidInputException.class, () -> KeyOwnership.checked("o".repeat(129), null));
        assertThrows(InvalidInputException.class, () -> KeyOwnership.checked(" ", null));
        assertNull(KeyOwnership.checked(null, null).ownerId());
    }

    @Test
    void metadataIsAtMost4KibSerializedCountedInUtf8Bytes() {
        assertEquals(4096, KeyOwnership.checked(null, object("x".repeat(4088))).metadataJson().length());
        assertThrows(InvalidInputException.class, () -> KeyOwnership.checked(null, object("x".repeat(4089))));
        // é is two bytes: 2044 of them fit, 2045 do not.
        KeyOwnership.checked(null, object("é".repeat(2044)));
        assertThrows(InvalidInputException.class, () -> KeyOwnership.checked(null, object("é".repeat(2045))));
    }
}
