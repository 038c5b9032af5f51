package dev.latchkey.database.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached or did not answer in time (stopped, frozen, the
 * network gone, the pool exhausted) from every other failure: the first is worth a retry
 * (503 {@code unavailable}), the rest is a bug or bad input.
 */
public final class DatabaseUnavailable {

    /** SQLState class 08: connection exception (SQL:2016, part 2, 24.1). */
    private static final String CONNECTION_EXCEPTION = "08";
    /** How the container's pool says it found no connection (database refused, or all in use). */
    private static final String POOL_ALLOCATION_FAILED = "Error in allocating a connection";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (startsWith(sql.getSQLState(), CONNECTION_EXCEPTION)
                    || startsWith(sql.getMessage(), POOL_ALLOCATION_FAILED))) {
                return true;
            }
        }
        return false;
    }

    /** One line for the log: the failure's type and message, no stack. */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                root = t;
            }
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + message;
    }

    private static boolean startsWith(String text, String prefix) {
        return text != null && text.startsWith(prefix);
    }
}
