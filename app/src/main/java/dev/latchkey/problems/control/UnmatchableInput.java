package dev.latchkey.problems.control;

import java.sql.SQLException;

/**
 * Recognises MariaDB refusing to compare a caller's text with an ASCII identifier column
 * ("Illegal mix of collations", errors 1267, 1270, 1271): input no identifier can match. Lookups
 * check {@code Ids.isStorable} first; this is the safety net that makes any one they miss a 400.
 */
public final class UnmatchableInput {

    private static final java.util.Set<Integer> COLLATION_MIX = java.util.Set.of(1267, 1270, 1271);

    private UnmatchableInput() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && COLLATION_MIX.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
