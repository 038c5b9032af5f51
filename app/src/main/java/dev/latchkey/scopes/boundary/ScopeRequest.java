package dev.latchkey.scopes.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST} and {@code PUT} of a scope: its name and its {@code Type.field} entries. */
@Schema(example = "{\"name\": \"customers\", \"fields\": [\"Order.total\", \"Customer.name\"]}")
public record ScopeRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 500) List<String> fields) {
}
