package dev.latchkey.identifiers.entity;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


class IdsTest {

    @Test
    void storableIdentifiersArePrintableAsciiUpTo128Characters() {
        assertTrue(Ids.isStorable(Ids.next("site_")));
        assertTrue(Ids.isStorable("order-2026.01:x_y"));
        assertTrue(Ids.isStorable("a".repeat(128)));
        assertFalse(Ids.isStorable(null));
        assertFalse(Ids.isStorable(""));
        assertFalse(Ids.isStorable("a".repeat(129)));
        assertFalse(Ids.isStorable("s\u00fcte"));
        assertFalse(Ids.isStorable("tok_\u2603"));
        assertFalse(Ids.isStorable("a b"));
        assertFalse(Ids.isStorable("a\u0000b"));
    }
}
