package dev.latchkey.http.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.problems.control.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void acceptsOrdinaryBodiesAndNestingUpToTheLimit() {
        assertDoesNotThrow(() -> JsonBodies.check(utf8("{\"name\":\"Süß ✓\",\"a\":[1,{\"b\":null}]}")));
        assertDoesNotThrow(() -> JsonBodies.check(utf8(nested(JsonBodies.MAX_DEPTH))));
        assertDoesNotThrow(() -> JsonBodies.check(new byte[0]));
    }

    @Test
    void refusesNestingBeyondTheLimitWithoutOverflowingTheStack() {
        var refused = assertThrows(InvalidInputException.class,
                () -> JsonBodies.check(utf8(nested(JsonBodies.MAX_DEPTH + 1))));
        assertTrue(refused.getMessage().contains("nested deeper"));
        assertThrows(InvalidInputException.class, () -> JsonBodies.check(utf8(nested(1_000_000))));
        assertThrows(InvalidInputException.class, () -> JsonBodies.check(utf8("{\"a\":".repeat(100_000))));
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String deepText = "{\"a\":\"" + "[{".repeat(500) + "\\\"" + "[".repeat(500) + "\"}";
        assertDoesNotThrow(() -> JsonBodies.check(utf8(deepText)));
    }

    @Test
    void refusesInvalidUtf8() {
        assertThrows(InvalidInputException.class,
                () -> JsonBodies.check(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}));
        assertThrows(InvalidInputException.class,
                () -> JsonBodies.check(new byte[]{'"', (byte) 0xc3, '"'}));
    }
}
