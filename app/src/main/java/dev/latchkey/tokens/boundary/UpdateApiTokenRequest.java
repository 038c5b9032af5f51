package dev.latchkey.tokens.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /v1/sites/{site}/tokens/{id}}: switches a key off ({@code false}) or on again. */
@Schema(example = "{\"enabled\": false}")
public record UpdateApiTokenRequest(@NotNull Boolean enabled) {
}
