package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aStoppedDatabaseBehindPersistenceLayersIsUnavailable() {
        var refused = new SQLNonTransientConnectionException("Socket fail to connect to localhost", "08000");
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(new RuntimeException(refused))));
    }

    @Test
    void aFrozenDatabaseReadTimeoutIsUnavailable() {
        var timedOut = new SQLNonTransientConnectionException("Socket error", "08000",
                new SocketTimeoutException("Read timed out"));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(timedOut)));
    }

    @Test
    void connectionStatesAndTimeoutsAreUnavailable() {
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("link failure", "08S01")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool timeout")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTimeoutException("max_statement_time exceeded", "70100")));
    }

    @Test
    void thePoolsAllocationFailureIsUnavailable() {
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Error in allocating a connection. Cause: "
                + "In-use connections equal max-pool-size and expired max-wait-time.")));
    }

    @Test
    void bugsAndBadInputAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")));
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(new SQLSyntaxErrorException("bad", "42000"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("no")));
        assertFalse(DatabaseUnavailable.causedBy(new SocketTimeoutException("a provider, not the database")));
    }

    @Test
    void theSummaryIsTheInnermostSqlFailureOnOneLine() {
        var refused = new SQLNonTransientConnectionException("Socket fail to connect\nsecond line", "08000",
                new java.net.ConnectException("Connection refused"));
        assertEquals("SQLNonTransientConnectionException: Socket fail to connect",
                DatabaseUnavailable.summary(new PersistenceException(refused)));
    }
}
