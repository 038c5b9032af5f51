package dev.latchkey.credentials.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.problems.control.InvalidField;
import dev.latchkey.problems.control.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private final EnvironmentColumn column = new EnvironmentColumn();

    @Test
    void storesTheStringsTheColumnsHaveAlwaysHeld() {
        assertEquals("live", column.convertToDatabaseColumn(Environment.LIVE));
        assertEquals("test", column.convertToDatabaseColumn(Environment.TEST));
        assertEquals(Environment.LIVE, column.convertToEntityAttribute("live"));
        assertEquals(Environment.TEST, column.convertToEntityAttribute("test"));
        // A member's credential has none of its own.
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
    }

    @Test
    void anUnknownStoredValueFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> column.convertToEntityAttribute("staging"));
    }

    @Test
    void requestsNameItByItsWireNameOnly() {
        assertEquals(Environment.LIVE, Environment.parse("live"));
        assertEquals(Environment.TEST, Environment.parse("test"));
        for (String wrong : new String[] {"LIVE", "Test", "prod", "", null}) {
            var refused = assertThrows(InvalidInputException.class, () -> Environment.parse(wrong));
            assertEquals(List.of(new InvalidField("environment", "environment must be 'live' or 'test'")),
                    refused.fields());
        }
    }
}
