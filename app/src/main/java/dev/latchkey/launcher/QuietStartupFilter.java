package dev.latchkey.launcher;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The console of the quiet logging setup: warnings and errors, and Latchkey's own lines. Some
 * Payara loggers ({@code jakarta.enterprise.web}: "Created virtual server", "Loading application")
 * are set to INFO by the container itself after the logging file was read, so their level
 * cannot keep them out; this filter on the handler does.
 */
public final class QuietStartupFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        return record.getLevel().intValue() >= Level.WARNING.intValue()
                || logger != null && logger.startsWith("dev.latchkey.");
    }
}
