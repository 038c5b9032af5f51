package dev.latchkey.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONPointer;
import org.json.JSONPointerException;

/**
 * A JSON object read from a provider, with the few accessors a plugin needs. The SPI's own
 * type: no JSON library appears in the SPI's API, so a plugin is never pinned to Latchkey's.
 * Absent and {@code null} members read alike (null, empty, false). {@link #toString()} names
 * the members only, never their values (a token response holds secrets).
 */
public final class Json {

    private static final Json EMPTY = new Json(new JSONObject());

    private final JSONObject object;

    private Json(JSONObject object) {
        this.object = object;
    }

    /** The object in {@code text}; the empty object when the text is blank, not JSON, or not an object. */
    public static Json parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        try {
            return new Json(new JSONObject(text));
        } catch (JSONException e) {
            return EMPTY;
        }
    }

    /** The empty object. */
    public static Json empty() {
        return EMPTY;
    }

    /** The object of string (or number, boolean) members, in the order given; null values are left out. */
    public static Json of(Map<String, ?> members) {
        return parse(write(members));
    }

    /** A JSON object text of string (or number, boolean) members, in the order given. */
    public static String write(Map<String, ?> members) {
        JSONObject out = new JSONObject();
        new LinkedHashMap<>(members).forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out.toString();
    }

    /** Whether the member is present and not {@code null}. */
    public boolean has(String name) {
        return object.has(name) && !object.isNull(name);
    }

    /** The member as text (a number or boolean as its JSON text), or null when absent or {@code null}. */
    public String string(String name) {
        return has(name) ? text(object.get(name)) : null;
    }

    /** The member as text, or {@code fallback} when absent, {@code null} or blank. */
    public String string(String name, String fallback) {
        String value = string(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The member as a whole number (a numeric string counts), or null when absent or not a number. */
    public Long number(String name) {
        if (!has(name)) {
            return null;
        }
        Object value = object.get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the member is a JSON number (not a numeric string). */
    public boolean isNumber(String name) {
        return has(name) && object.get(name) instanceof Number;
    }

    /** The member as a boolean; false when absent or not {@code true}. */
    public boolean bool(String name) {
        return has(name) && Boolean.TRUE.equals(object.opt(name));
    }

    /** The member object, or the empty object when absent or not an object. */
    public Json object(String name) {
        JSONObject inner = object.optJSONObject(name);
        return inner == null ? EMPTY : new Json(inner);
    }

    /** Whether the member is a JSON object. */
    public boolean isObject(String name) {
        return object.optJSONObject(name) != null;
    }

    /** The member array's objects (other elements skipped); empty when absent. */
    public List<Json> objects(String name) {
        JSONArray array = object.optJSONArray(name);
        if (array == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, array.length()).mapToObj(array::optJSONObject)
                .filter(java.util.Objects::nonNull).map(Json::new).toList();
    }

    /** The member array's values as text; empty when absent. */
    public List<String> strings(String name) {
        JSONArray array = object.optJSONArray(name);
        if (array == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, array.length()).mapToObj(array::opt)
                .filter(v -> v != null && v != JSONObject.NULL).map(Json::text).toList();
    }

    /**
     * The value at an RFC 6901 JSON pointer ({@code /id}, {@code /user/name}) as text, or null.
     * A plain member name without a leading slash reads that member.
     */
    public String at(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return null;
        }
        if (!pointer.startsWith("/")) {
            return string(pointer);
        }
        try {
            Object value = new JSONPointer(pointer).queryFrom(object);
            return value == null || value == JSONObject.NULL || value instanceof JSONObject || value instanceof JSONArray
                    ? null : text(value);
        } catch (JSONPointerException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The member names. */
    public Set<String> names() {
        return Set.copyOf(object.keySet());
    }

    public boolean isEmpty() {
        return object.isEmpty();
    }

    /** Names only: a provider's answer may hold tokens. */
    @Override
    public String toString() {
        return "Json" + new java.util.TreeSet<>(object.keySet());
    }

    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        if (value instanceof java.math.BigDecimal big) {
            return big.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
