package dev.latchkey.connections.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The {@code connections.status} column: the wire names it has always held, so the enum needed
 * no migration. (A concrete class implementing the interface itself: EclipseLink reads the
 * attribute type from the converter's own generic interface, not from an inherited one.)
 */
@Converter
public class ConnectionStatusColumn implements AttributeConverter<ConnectionStatus, String> {

    @Override
    public String convertToDatabaseColumn(ConnectionStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public ConnectionStatus convertToEntityAttribute(String stored) {
        return stored == null ? null : ConnectionStatus.fromWire(stored);
    }
}
