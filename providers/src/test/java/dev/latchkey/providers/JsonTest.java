package dev.latchkey.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    private final Json json = Json.parse("{\"id\":583231,\"login\":\"octocat\",\"gone\":null,\"issued_at\":\"1700000000000\","
            + "\"profile\":{\"name\":\"Ada\"},\"list\":[\"a\",1],\"items\":[{\"k\":\"v\"},2]}");

    @Test
    void membersReadAsTextAndNumbersAbsentAndNullAlike() {
        assertEquals("583231", json.string("id"));
        assertEquals(583231L, json.number("id"));
        assertTrue(json.isNumber("id"));
        assertEquals(1700000000000L, json.number("issued_at"), "a numeric string is a number");
        assertFalse(json.isNumber("issued_at"));
        assertNull(json.string("gone"));
        assertFalse(json.has("gone"));
        assertEquals("fallback", json.string("missing", "fallback"));
    }

    @Test
    void pointersAndNestedObjects() {
        assertEquals("Ada", json.at("/profile/name"));
        assertEquals("octocat", json.at("login"));
        assertNull(json.at("/profile"), "an object is no text");
        assertNull(json.at("/nothing/here"));
        assertEquals("Ada", json.object("profile").string("name"));
        assertTrue(json.object("missing").isEmpty());
        assertEquals(List.of("a", "1"), json.strings("list"));
        assertEquals(1, json.objects("items").size());
    }

    @Test
    void garbageIsTheEmptyObjectAndToStringNamesMembersOnly() {
        assertTrue(Json.parse("not json").isEmpty());
        assertTrue(Json.parse("[1,2]").isEmpty());
        assertFalse(Json.parse("{\"access_token\":\"s3cr3t-value\"}").toString().contains("s3cr3t"));
    }
}
