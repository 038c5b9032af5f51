package dev.latchkey.http.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.problems.control.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRecordsTest {

    record Type(String name, List<String> fields) {
    }

    record Request(String name, List<String> redirectUris, List<Type> types, Map<String, Object> jwks) {
    }

    @Test
    void acceptsNullFieldsAndArraysWithoutNulls() {
        assertDoesNotThrow(() -> RequestRecords.requireNoNullElements(
                new Request(null, List.of("https://a.example/cb"), List.of(new Type("A", List.of("x"))),
                        Map.of("keys", List.of(Map.of("kty", "EC"))))));
        assertDoesNotThrow(() -> RequestRecords.requireNoNullElements(new Request(null, null, null, null)));
        assertDoesNotThrow(() -> RequestRecords.requireNoNullElements(null));
    }

    @Test
    void refusesNullInATopLevelArrayNamingTheFieldAsSent() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.requireNoNullElements(
                new Request("n", Arrays.asList("https://a.example/cb", null), null, null)));
        assertEquals("redirect_uris", refused.fields().get(0).field());
    }

    @Test
    void refusesNullInsideANestedRecordsArray() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.requireNoNullElements(
                new Request("n", null, List.of(new Type("A", Arrays.asList("x", null))), null)));
        assertEquals("types[0].fields", refused.fields().get(0).field());
    }

    @Test
    void refusesANullRecordInAnArray() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.requireNoNullElements(
                new Request("n", null, Arrays.asList((Type) null), null)));
        assertEquals("types", refused.fields().get(0).field());
    }

    @Test
    void refusesNullInAnArrayInsideAFreeFormObject() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.requireNoNullElements(
                new Request("n", null, null, Map.of("keys", Arrays.asList((Object) null)))));
        assertEquals("jwks.keys", refused.fields().get(0).field());
    }
}
