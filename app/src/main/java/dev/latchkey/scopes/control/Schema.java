package dev.latchkey.scopes.control;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.problems.control.InvalidField;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A site's types and their fields. Once the schema declares a type, its documents may carry
 * only declared fields; types it does not declare stay free-form (and cannot be scoped).
 */
public final class Schema {

    public static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    public static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int MAX_TYPES = 200;
    static final int MAX_FIELDS = 500;

    public static final Schema EMPTY = new Schema(Map.of());

    private final Map<String, Set<String>> types;

    private Schema(Map<String, Set<String>> types) {
        this.types = types;
    }

    /** Builds a schema from the wire form, naming every invalid or duplicate name. */
    public static Schema of(List<TypeDefinition> definitions) {
        List<InvalidField> problems = new ArrayList<>();
        Map<String, Set<String>> types = new LinkedHashMap<>();
        if (definitions.size() > MAX_TYPES) {
            throw new InvalidInputException("types", "A schema has at most " + MAX_TYPES + " types");
        }
        for (int i = 0; i < definitions.size(); i++) {
            TypeDefinition type = definitions.get(i);
            String where = "types[" + i + "]";
            if (type == null || type.name() == null || !TYPE_NAME.matcher(type.name()).matches()) {
                problems.add(new InvalidField(where + ".name", "A type name is a letter then up to 63 letters, digits or _"));
                continue;
            }
            if (types.containsKey(type.name())) {
                problems.add(new InvalidField(where + ".name", "Type '" + type.name() + "' is declared twice"));
                continue;
            }
            List<String> fields = type.fields() == null ? List.of() : type.fields();
            if (fields.size() > MAX_FIELDS) {
                problems.add(new InvalidField(where + ".fields", "A type has at most " + MAX_FIELDS + " fields"));
                continue;
            }
            Set<String> declared = new LinkedHashSet<>();
            for (String field : fields) {
                if (field == null || !FIELD_NAME.matcher(field).matches()) {
                    problems.add(new InvalidField(where + ".fields",
                            "'" + field + "' is not a field name (a letter or _, then letters, digits or _)"));
                } else if (!declared.add(field)) {
                    problems.add(new InvalidField(where + ".fields", "Field '" + field + "' is declared twice"));
                }
            }
            types.put(type.name(), Collections.unmodifiableSet(declared));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).message(), problems);
        }
        return new Schema(Collections.unmodifiableMap(types));
    }

    /** One type on the wire: {@code {name, fields: [..]}}. */
    public record TypeDefinition(String name, List<String> fields) {
    }

    public static Schema fromJson(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            JsonObject root = reader.readObject();
            List<TypeDefinition> definitions = new ArrayList<>();
            for (JsonValue value : root.getJsonArray("types")) {
                JsonObject type = value.asJsonObject();
                definitions.add(new TypeDefinition(type.getString("name"),
                        type.getJsonArray("fields").getValuesAs(jakarta.json.JsonString::getString)));
            }
            return of(definitions);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalStateException("stored schema is unreadable", e);
        }
    }

    public String toJson() {
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        types.forEach((name, fields) -> array.add(JsonP.createObjectBuilder().add("name", name)
                .add("fields", JsonP.createArrayBuilder(new ArrayList<>(fields)))));
        return JsonP.createObjectBuilder().add("types", array).build().toString();
    }

    public List<TypeDefinition> definitions() {
        return types.entrySet().stream().map(e -> new TypeDefinition(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public boolean declares(String type) {
        return types.containsKey(type);
    }

    public boolean declares(String type, String field) {
        Set<String> fields = types.get(type);
        return fields != null && fields.contains(field);
    }

    /** Every declared {@code Type.field}, sorted, for comparing two schemas. */
    public Set<String> entries() {
        Set<String> entries = new TreeSet<>();
        types.forEach((type, fields) -> fields.forEach(field -> entries.add(type + "." + field)));
        types.keySet().forEach(type -> entries.add(type + ".*"));
        return entries;
    }

    /** The fields of {@code names} that a document of {@code type} may not carry. */
    public List<String> undeclared(String type, Iterable<String> names) {
        Set<String> fields = types.get(type);
        List<String> unknown = new ArrayList<>();
        if (fields != null) {
            names.forEach(name -> {
                if (!fields.contains(name)) {
                    unknown.add(name);
                }
            });
        }
        return unknown;
    }
}
