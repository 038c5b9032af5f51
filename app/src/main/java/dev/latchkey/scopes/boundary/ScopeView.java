package dev.latchkey.scopes.boundary;

import dev.latchkey.scopes.entity.Scope;
import java.time.Instant;
import java.util.List;

/** A scope as shown. */
public record ScopeView(String id, String name, List<String> fields, Instant createdAt, Instant updatedAt) {

    public static ScopeView of(Scope scope) {
        return new ScopeView(scope.id(), scope.name(), scope.entries(), scope.createdAt(), scope.updatedAt());
    }
}
