package dev.latchkey.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The container's pool logs three warnings (RAR5038, RAR5117, RAR5114) for every connection it
 * fails to open and a line (RAR9000) for every one that fails validation: with the database
 * down and the credential sync asking every 200 ms, a dozen lines a second. Latchkey logs the
 * outage itself, once per background job and once per failed request, so these records are
 * dropped; anything else the pool logs passes.
 */
@ApplicationScoped
public class PoolFailureLogFilter implements Filter {

    private static final String RESOURCE_ADAPTER = "javax.enterprise.resource.resourceadapter.";
    /** Held here: a logger nobody references may be collected, and its filter with it. */
    private static final List<Logger> POOL_LOGGERS = List.of(
            Logger.getLogger(RESOURCE_ADAPTER + "com.sun.enterprise.resource.allocator"),
            Logger.getLogger(RESOURCE_ADAPTER + "com.sun.enterprise.connectors"),
            Logger.getLogger(RESOURCE_ADAPTER + "com.sun.gjc.spi"));
    /** The records' message keys (their text is looked up later, by the handler). */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "poolmgr.create_resource_error",
            "poolmgr.get_connection_failure",
            "jdbc.exc_get_conn",
            "jdbc.exc_custom_validation");

    void install(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        POOL_LOGGERS.forEach(logger -> logger.setFilter(this));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return record.getMessage() == null || !CONNECTION_FAILURES.contains(record.getMessage());
    }
}
