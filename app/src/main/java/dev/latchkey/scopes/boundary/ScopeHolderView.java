package dev.latchkey.scopes.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credential holding a scope: its id and name only. */
@Schema(description = "A credential that holds the scope")
public record ScopeHolderView(String id, String name) {
}
