package dev.latchkey.scopes.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST} and {@code PUT} of a scope: its name and its {@code Type.field} entries. */
public record ScopeRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 500) List<String> fields) {
}
