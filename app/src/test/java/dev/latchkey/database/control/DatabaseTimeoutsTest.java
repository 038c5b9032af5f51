package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

    private final DatabaseTimeouts timeouts = new DatabaseTimeouts(2000, 3000);

    @Test
    void bothTimeoutsAreAddedToAUrlWithoutOptions() {
        assertEquals("jdbc:mariadb://db/latchkey?connectTimeout=2000&socketTimeout=3000",
                timeouts.applyTo("jdbc:mariadb://db/latchkey"));
    }

    @Test
    void timeoutsAreAppendedToExistingOptions() {
        assertEquals("jdbc:mariadb://db/latchkey?useSsl=true&connectTimeout=2000&socketTimeout=3000",
                timeouts.applyTo("jdbc:mariadb://db/latchkey?useSsl=true"));
    }

    @Test
    void aTimeoutTheUrlSetsItselfIsKept() {
        assertEquals("jdbc:mariadb://db/latchkey?SocketTimeout=60000&connectTimeout=2000",
                timeouts.applyTo("jdbc:mariadb://db/latchkey?SocketTimeout=60000"));
        assertEquals("jdbc:mariadb://db/x?a=1&connectTimeout=500&socketTimeout=3000",
                timeouts.applyTo("jdbc:mariadb://db/x?a=1&connectTimeout=500"));
    }

    @Test
    void anotherSocketTimeoutKeepsTheConnectTimeout() {
        assertEquals(new DatabaseTimeouts(2000, 0), timeouts.withSocketMillis(0));
    }
}
