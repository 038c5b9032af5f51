package dev.latchkey.scopes.boundary;

import dev.latchkey.scopes.control.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** {@code PUT /v1/sites/{site}/schema}: {@code {types: [{name, fields: [..]}]}}. */
public record SchemaRequest(@NotNull List<Schema.TypeDefinition> types) {
}
