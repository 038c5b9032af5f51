package dev.latchkey.problems.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTest {

    /** How JTA and JPA wrap what the driver said at commit. */
    private static RuntimeException atCommit(Throwable driver) {
        return new IllegalStateException("TransactionalException",
                new RuntimeException("RollbackException", new RuntimeException("PersistenceException", driver)));
    }

    @Test
    void aTakenUniqueKeyDeepInTheCauseChainIsAConflict() {
        assertTrue(ConcurrentChange.isCause(atCommit(new SQLIntegrityConstraintViolationException("dup", "23000"))));
        assertTrue(ConcurrentChange.isCause(atCommit(new SQLException("unique index violated", "23505"))));
    }

    @Test
    void aDeadlockVictimIsAConflict() {
        assertTrue(ConcurrentChange.isCause(atCommit(new SQLException("Deadlock found", "40001", 1213))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ConcurrentChange.isCause(atCommit(new SQLTransientConnectionException("down", "08S01"))));
        assertFalse(ConcurrentChange.isCause(atCommit(new SQLException("syntax", "42000"))));
        assertFalse(ConcurrentChange.isCause(new SQLException("no state")));
        assertFalse(ConcurrentChange.isCause(new IllegalStateException("bug")));
    }
}
