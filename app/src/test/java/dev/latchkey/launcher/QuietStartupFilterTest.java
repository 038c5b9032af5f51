package dev.latchkey.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class QuietStartupFilterTest {

    private static LogRecord record(Level level, String logger) {
        LogRecord record = new LogRecord(level, "message");
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void keepsWarningsAndLatchkeysOwnLinesOnly() {
        QuietStartupFilter filter = new QuietStartupFilter();
        assertFalse(filter.isLoggable(record(Level.INFO, "jakarta.enterprise.web")));
        assertFalse(filter.isLoggable(record(Level.INFO, null)));
        assertTrue(filter.isLoggable(record(Level.WARNING, "jakarta.enterprise.web")));
        assertTrue(filter.isLoggable(record(Level.SEVERE, null)));
        assertTrue(filter.isLoggable(record(Level.INFO, "dev.latchkey.startup.control.StartupSequence")));
        assertFalse(filter.isLoggable(record(Level.INFO, "dev.latchkeyish")));
    }
}
