package dev.latchkey.scopes.boundary;

import dev.latchkey.scopes.entity.Scope;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scope as shown. */
@Schema(example = "{\"id\": \"scope_2Wq9Er8Ty7Ui6Op5\", \"name\": \"customers\", \"fields\": [\"Order.total\", \"Customer.name\"], \"created_at\": \"2026-01-15T09:30:00Z\", \"updated_at\": \"2026-01-15T09:30:00Z\"}")
public record ScopeView(String id, String name, List<String> fields, Instant createdAt, Instant updatedAt) {

    public static ScopeView of(Scope scope) {
        return new ScopeView(scope.id(), scope.name(), scope.entries(), scope.createdAt(), scope.updatedAt());
    }
}
