package dev.latchkey.scopes.boundary;

import dev.latchkey.scopes.control.Schema;
import java.util.List;

/** A site's schema as shown. */
public record SchemaView(List<Schema.TypeDefinition> types) {

    public static SchemaView of(Schema schema) {
        return new SchemaView(schema.definitions());
    }
}
