package dev.latchkey.connections.boundary;

import dev.latchkey.connections.entity.Connection;
import java.time.Instant;
import java.util.List;

/** A connection as listed: never a token. */
public record ConnectionView(String id, String provider, AccountView account, List<String> scopes, String status,
                             String statusReason, Instant expiresAt, Instant lastRefreshedAt, int refreshFailures,
                             String lastError, Instant nextAttemptAt, String connectedBy, Instant connectedAt) {

    /** The provider-side account. */
    public record AccountView(String id, String name) {
    }

    public static ConnectionView of(Connection c) {
        return new ConnectionView(c.id(), c.provider(), new AccountView(c.accountId(), c.accountName()),
                c.grantedScopes(), c.status().wireName(), c.statusReason(), c.expiresAt(), c.lastRefreshedAt(), c.refreshFailures(),
                c.lastError(), c.nextAttemptAt(), c.connectedBy(), c.connectedAt());
    }
}
