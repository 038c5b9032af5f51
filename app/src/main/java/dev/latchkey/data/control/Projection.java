package dev.latchkey.data.control;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.problems.control.InsufficientScopeException;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.scopes.control.FieldPolicy;
import dev.latchkey.scopes.control.Schema;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one caller sees of a type's documents: the fields its scopes allow, narrowed to the
 * fields it asked for ({@code ?fields=a,b}). Fields are a document's top-level members.
 */
public final class Projection {

    private final String type;
    private final FieldPolicy policy;
    private final Set<String> requested;

    private Projection(String type, FieldPolicy policy, Set<String> requested) {
        this.type = type;
        this.policy = policy;
        this.requested = requested;
    }

    /**
     * @throws InsufficientScopeException naming requested fields the caller may not see
     */
    static Projection of(String type, FieldPolicy policy, String fields) {
        Set<String> requested = null;
        if (fields != null && !fields.isBlank()) {
            requested = new LinkedHashSet<>(Arrays.stream(fields.split(",")).map(String::trim)
                    .filter(f -> !f.isEmpty()).toList());
            for (String field : requested) {
                if (!Schema.FIELD_NAME.matcher(field).matches()) {
                    throw new InvalidInputException("fields", "'" + field + "' is not a field name");
                }
            }
            List<String> hidden = policy.hidden(type, requested);
            if (!hidden.isEmpty()) {
                throw new InsufficientScopeException("This credential has no scope covering "
                        + qualified(type, hidden));
            }
        }
        return new Projection(type, policy, requested);
    }

    JsonObject apply(JsonObject data) {
        JsonObjectBuilder visible = JsonP.createObjectBuilder();
        data.forEach((field, value) -> {
            if ((requested == null || requested.contains(field)) && policy.visible(type, field)) {
                visible.add(field, value);
            }
        });
        return visible.build();
    }

    static String qualified(String type, List<String> fields) {
        return String.join(", ", fields.stream().map(f -> type + "." + f).toList());
    }
}
