package dev.latchkey.credentials.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Every {@code environment} column (credentials, documents, OAuth clients): the wire names they
 * have always held, so the enum needed no migration; null (a member's credential) stays null. A
 * concrete class implementing the interface itself, as {@code ConnectionStatusColumn}: EclipseLink
 * reads the attribute type from the converter's own generic interface.
 */
@Converter
public class EnvironmentColumn implements AttributeConverter<Environment, String> {

    @Override
    public String convertToDatabaseColumn(Environment environment) {
        return environment == null ? null : environment.wireName();
    }

    @Override
    public Environment convertToEntityAttribute(String stored) {
        return stored == null ? null : Environment.fromStored(stored);
    }
}
