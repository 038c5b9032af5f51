package dev.latchkey.apidocs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {

    @Test
    void namesPropertiesAsJsonBLowerCaseWithUnderscoresDoes() {
        assertEquals("expires_at", ApiDocumentFilter.wireName("expiresAt"));
        assertEquals("last_refreshed_at", ApiDocumentFilter.wireName("lastRefreshedAt"));
        assertEquals("last4", ApiDocumentFilter.wireName("last4"));
        assertEquals("p90_seconds", ApiDocumentFilter.wireName("p90_seconds"));
        assertEquals("id", ApiDocumentFilter.wireName("id"));
    }
}
