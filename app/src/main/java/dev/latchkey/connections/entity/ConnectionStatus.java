package dev.latchkey.connections.entity;

import java.util.Locale;

/** Where a connection stands, stored and shown by its wire name ({@link ConnectionStatusColumn}). */
public enum ConnectionStatus {
    /** Usable: its access token is served and refreshed. */
    ACTIVE,
    /** The grant is gone (revoked, refused, expired with nothing to refresh it): only reconnecting helps. */
    RECONNECT_REQUIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name; a name no status has fails loudly. */
    public static ConnectionStatus fromWire(String name) {
        for (ConnectionStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalStateException("Stored connection status '" + name + "' is not known");
    }
}
