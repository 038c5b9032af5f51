package dev.latchkey.problems.control;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Recognises a database's refusal of a change that clashed with another: a unique key taken by a
 * concurrent create (SQLSTATE class 23, integrity constraint violation) or a transaction chosen
 * as a deadlock victim or failing serialization (40001). Such a failure often surfaces only at
 * commit, wrapped by JTA and JPA; the cause chain is walked to find it. The caller gets 409.
 */
public final class ConcurrentChange {

    private ConcurrentChange() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }
}
