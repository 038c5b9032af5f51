package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    private final Logger logger = Logger.getLogger(OutageLogTest.class.getName() + ".job");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final OutageLog outage = new OutageLog(logger, "Usage flush");

    OutageLogTest() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    @Test
    void anOutageIsOneWarningAndOneRecoveryLineHoweverOftenTheJobFails() {
        for (int i = 0; i < 50; i++) {
            outage.failed("Writing usage counts failed", down());
        }
        outage.succeeded();
        outage.succeeded();
        assertEquals(2, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals(null, records.get(0).getThrown());
        assertEquals("Usage flush: database unavailable (SQLNonTransientConnectionException: Socket fail to connect); "
                + "retrying quietly until it answers again", records.get(0).getMessage());
        assertEquals(Level.INFO, records.get(1).getLevel());
        assertEquals("Usage flush: database available again", records.get(1).getMessage());
    }

    @Test
    void aSecondOutageIsLoggedAgain() {
        outage.failed("x", down());
        outage.succeeded();
        outage.failed("x", down());
        assertEquals(3, records.size());
    }

    @Test
    void otherFailuresAreLoggedInFullEveryTime() {
        outage.failed("Writing usage counts failed", new IllegalStateException("bug"));
        outage.failed("Writing usage counts failed", new IllegalStateException("bug"));
        assertEquals(2, records.size());
        assertEquals("Writing usage counts failed", records.get(0).getMessage());
        assertEquals("bug", records.get(0).getThrown().getMessage());
    }

    private static RuntimeException down() {
        return new IllegalStateException(new SQLNonTransientConnectionException("Socket fail to connect", "08000"));
    }
}
