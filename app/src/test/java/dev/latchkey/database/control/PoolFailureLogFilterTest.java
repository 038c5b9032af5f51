package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PoolFailureLogFilterTest {

    private final PoolFailureLogFilter filter = new PoolFailureLogFilter();

    @Test
    void thePoolsConnectionFailuresAreDropped() {
        assertFalse(filter.isLoggable(new LogRecord(Level.WARNING, "poolmgr.create_resource_error")));
        assertFalse(filter.isLoggable(new LogRecord(Level.WARNING, "poolmgr.get_connection_failure")));
        assertFalse(filter.isLoggable(new LogRecord(Level.WARNING, "jdbc.exc_get_conn")));
        assertFalse(filter.isLoggable(new LogRecord(Level.INFO, "jdbc.exc_custom_validation")));
    }

    @Test
    void everythingElseThePoolSaysIsKept() {
        assertTrue(filter.isLoggable(new LogRecord(Level.WARNING, "poolmgr.connection_leak")));
        assertTrue(filter.isLoggable(new LogRecord(Level.WARNING, "RAR5038 mentioned in some other message")));
        assertTrue(filter.isLoggable(new LogRecord(Level.INFO, null)));
    }
}
