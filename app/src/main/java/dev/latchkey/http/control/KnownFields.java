package dev.latchkey.http.control;

import dev.latchkey.problems.control.InvalidField;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A request body names only fields its record has: an unknown one is a 400 naming it (a client that
 * sends {@code "sites"} on a token believes it restricted, and it is not). Walks the JSON against the
 * record's components, into nested records and lists of them; a {@code Map} component is open by
 * design. Whether the body is otherwise valid is for the binder to say.
 */
public final class KnownFields {

    private KnownFields() {
    }

    /** Returns quietly, or a 400 naming each unknown field as the caller spelled it (with its path). */
    public static void check(String json, Type type) {
        if (json == null || json.isBlank() || !(type instanceof Class<?> c && c.isRecord())) {
            return;
        }
        JsonValue value;
        try {
            value = Json.JSONB.fromJson(json, JsonValue.class);
        } catch (JsonbException e) {
            return; // not JSON: the binder answers that, in the one shape
        }
        List<String> unknown = new ArrayList<>();
        collectUnknown(value, type, "", unknown);
        if (!unknown.isEmpty()) {
            throw refused(unknown, "");
        }
    }

    /** Binds a body a resource reads itself (an optional one), with the same check. */
    public static <T> T bind(String json, Class<T> type) {
        check(json, type);
        return Json.JSONB.fromJson(json, type);
    }

    /** The 400 for these unknown fields; {@code note} ends the message (for example why none is known). */
    public static InvalidInputException refused(List<String> unknown, String note) {
        List<InvalidField> fields = unknown.stream()
                .map(field -> new InvalidField(field, field + " is not a field of this request" + note)).toList();
        return new InvalidInputException(unknown.size() == 1 ? fields.get(0).message()
                : "Unknown fields: " + String.join(", ", unknown) + note, fields);
    }

    static void collectUnknown(JsonValue value, Type type, String path, List<String> unknown) {
        if (value instanceof JsonObject object && type instanceof Class<?> record && record.isRecord()) {
            RecordComponent[] components = record.getRecordComponents();
            for (String key : object.keySet()) {
                RecordComponent component = find(components, key);
                String field = path.isEmpty() ? key : path + "." + key;
                if (component == null) {
                    unknown.add(field);
                } else {
                    collectUnknown(object.get(key), component.getGenericType(), field, unknown);
                }
            }
        } else if (value instanceof JsonArray array && type instanceof ParameterizedType generic
                && generic.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            for (int i = 0; i < array.size(); i++) {
                collectUnknown(array.get(i), generic.getActualTypeArguments()[0], path + "[" + i + "]", unknown);
            }
        }
    }

    private static RecordComponent find(RecordComponent[] components, String key) {
        for (RecordComponent component : components) {
            JsonbProperty named = component.getAccessor().getAnnotation(JsonbProperty.class);
            String wire = named != null && !named.value().isEmpty() ? named.value() : WireNames.of(component.getName());
            if (wire.equals(key)) {
                return component;
            }
        }
        return null;
    }
}
