package dev.latchkey.connections.entity;

import dev.latchkey.database.entity.WireNameColumn;
import dev.latchkey.database.entity.WireNamed;
import java.util.Locale;

/** Where a connection stands, stored and shown by its wire name. */
public enum ConnectionStatus implements WireNamed {
    /** Usable: its access token is served and refreshed. */
    ACTIVE,
    /** The grant is gone (revoked, refused, expired with nothing to refresh it): only reconnecting helps. */
    RECONNECT_REQUIRED;

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code status} column: the wire names it has always held. */
    @jakarta.persistence.Converter
    public static class Column extends WireNameColumn<ConnectionStatus> {
        public Column() {
            super(ConnectionStatus.class);
        }
    }
}
