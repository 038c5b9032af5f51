package dev.latchkey.database.entity;

import jakarta.persistence.AttributeConverter;
import java.util.HashMap;
import java.util.Map;

/**
 * Stores an enum by its wire name, the string the column has always held, so that replacing a
 * string state with an enum needs no migration. A stored name no constant has fails loudly.
 */
public abstract class WireNameColumn<E extends Enum<E> & WireNamed> implements AttributeConverter<E, String> {

    private final Class<E> type;
    private final Map<String, E> byName = new HashMap<>();

    protected WireNameColumn(Class<E> type) {
        this.type = type;
        for (E constant : type.getEnumConstants()) {
            byName.put(constant.wireName(), constant);
        }
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public E convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        E value = byName.get(stored);
        if (value == null) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " '" + stored + "' is not known");
        }
        return value;
    }
}
