package dev.latchkey.scopes.boundary;

/** A credential holding a scope: its id and name only. */
public record ScopeHolderView(String id, String name) {
}
