package dev.latchkey.connections.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectionStatusTest {

    private final ConnectionStatusColumn column = new ConnectionStatusColumn();

    @Test
    void storesTheStringsTheColumnHasAlwaysHeld() {
        assertEquals("active", column.convertToDatabaseColumn(ConnectionStatus.ACTIVE));
        assertEquals("reconnect_required", column.convertToDatabaseColumn(ConnectionStatus.RECONNECT_REQUIRED));
        assertEquals(ConnectionStatus.ACTIVE, column.convertToEntityAttribute("active"));
        assertEquals(ConnectionStatus.RECONNECT_REQUIRED, column.convertToEntityAttribute("reconnect_required"));
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
    }

    @Test
    void anUnknownStoredValueFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> column.convertToEntityAttribute("paused"));
    }
}
