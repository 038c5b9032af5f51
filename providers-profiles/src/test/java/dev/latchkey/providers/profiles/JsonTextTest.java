package dev.latchkey.providers.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTextTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Object value = JsonText.parse(" {\"a\": [1, -2.5e1, \"x\\u0041\\n\"], \"b\": {\"c\": true, \"d\": null}, \"e\": false} ");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("c", true);
        inner.put("d", null);
        assertEquals(Map.of("a", List.of(1L, -25.0, "xA\n"), "b", inner, "e", false), value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1,}                | line 1, column 9: a member name",
            "{\"a\": 1, \"a\": 2}       | line 1, column 10: the member \"a\" appears twice",
            "[1, 2,]                    | line 1, column 7: unexpected character ']'",
            "{\"a\": 1} x               | line 1, column 10: unexpected text after the JSON value",
            "{\"a\": tru}               | line 1, column 7: unexpected word",
            "{\"a\": \"b}               | a string is not closed",
            "// comment                 | line 1, column 1: unexpected character '/'",
            "{'a': 1}                   | line 1, column 2: a member name",
            "{\"a\" 1}                  | ':' was expected, not '1'",
            "x                          | line 1, column 1: unexpected character 'x'",
            "{}{}                       | unexpected text after"})
    void refusesWhatIsNotStrictJsonNamingWhere(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(text.strip()));
        assertEquals(true, e.getMessage().contains(message.strip()), e.getMessage());
    }

    @Test
    void countsLinesForTheErrorPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonText.parse("{\n  \"a\": 1,\n  \"b\": ]\n}"));
        assertEquals("line 3, column 8: unexpected character ']'", e.getMessage());
    }
}
