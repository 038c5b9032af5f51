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
        assertDoesNotThrow(() -> RequestRecords.check(
                new Request(null, List.of("https://a.example/cb"), List.of(new Type("A", List.of("x"))),
                        Map.of("keys", List.of(Map.of("kty", "EC"))))));
        assertDoesNotThrow(() -> RequestRecords.check(new Request(null, null, null, null)));
        assertDoesNotThrow(() -> RequestRecords.check(null));
    }

    @Test
    void refusesNullInATopLevelArrayNamingTheFieldAsSent() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.check(
                new Request("n", Arrays.asList("https://a.example/cb", null), null, null)));
        assertEquals("redirect_uris", refused.fields().get(0).field());
    }

    @Test
    void refusesNullInsideANestedRecordsArray() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.check(
                new Request("n", null, List.of(new Type("A", Arrays.asList("x", null))), null)));
        assertEquals("types[0].fields", refused.fields().get(0).field());
    }

    @Test
    void refusesANullRecordInAnArray() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.check(
                new Request("n", null, Arrays.asList((Type) null), null)));
        assertEquals("types", refused.fields().get(0).field());
    }

    @Test
    void refusesNullInAnArrayInsideAFreeFormObject() {
        var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.check(
                new Request("n", null, null, Map.of("keys", Arrays.asList((Object) null)))));
        assertEquals("jwks.keys", refused.fields().get(0).field());
    }

    @Test
    void refusesControlCharactersAndUnpairedSurrogatesInStrings() {
        for (String bad : new String[]{"a\u0000b", "line\nbreak", "tab\there", "del\u007f", "half \ud800",
            "\udc00 low", "\ud800\ud800"}) {
            var refused = assertThrows(InvalidInputException.class, () -> RequestRecords.check(
                    new Request(null, List.of("ok", bad), null, null)), bad);
            assertEquals("redirect_uris[1]", refused.fields().get(0).field());
        }
        assertEquals("name", assertThrows(InvalidInputException.class, () -> RequestRecords.check(
                new Request("a\rb", null, null, null))).fields().get(0).field());
        assertDoesNotThrow(() -> RequestRecords.check(new Request("Caf\u00e9 \u2603 \ud83d\ude00 \u202e", null, null,
                Map.of("note", "plain"))));
    }

    @Test
    void leavesBodiesThatAreNotRequestRecordsToTheirResource() {
        assertDoesNotThrow(() -> RequestRecords.check("{\n  \"pretty\": [null]\n}"));
    }
}
