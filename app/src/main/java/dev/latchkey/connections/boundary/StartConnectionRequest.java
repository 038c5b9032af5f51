package dev.latchkey.connections.boundary;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/sites/{site}/connections}: the provider and the scopes wanted (default: its defaults). */
@Schema(example = "{\"provider\": \"github\", \"scopes\": [\"repo\", \"read:user\"]}")
public record StartConnectionRequest(@NotBlank String provider, List<String> scopes) {
}
