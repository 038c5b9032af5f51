package dev.latchkey.scopes.control;

import java.util.Optional;

/** One scope entry: {@code Type.field}, or {@code Type.*} for every field of the type. */
public record ScopeEntry(String type, String field) {

    public static final String ALL = "*";

    public static Optional<ScopeEntry> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot < 1 || dot != text.lastIndexOf('.')) {
            return Optional.empty();
        }
        String type = text.substring(0, dot);
        String field = text.substring(dot + 1);
        boolean valid = Schema.TYPE_NAME.matcher(type).matches()
                && (ALL.equals(field) || Schema.FIELD_NAME.matcher(field).matches());
        return valid ? Optional.of(new ScopeEntry(type, field)) : Optional.empty();
    }

    public boolean covers(String documentType, String documentField) {
        return type.equals(documentType) && (ALL.equals(field) || field.equals(documentField));
    }

    public boolean existsIn(Schema schema) {
        return ALL.equals(field) ? schema.declares(type) : schema.declares(type, field);
    }

    @Override
    public String toString() {
        return type + "." + field;
    }
}
