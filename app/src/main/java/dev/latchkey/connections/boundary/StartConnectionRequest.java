package dev.latchkey.connections.boundary;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** {@code POST /v1/sites/{site}/connections}: the provider and the scopes wanted (default: its defaults). */
public record StartConnectionRequest(@NotBlank String provider, List<String> scopes) {
}
