package dev.latchkey.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CSRF token is derived from the session's secret: stable for a session, unguessable without it. */
class SessionCallersTest {

    static final String SECRET = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    static final String OTHER = "Z1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

    @Test
    void theTokenIsTheSameForASessionDiffersBetweenSessionsAndIsNotTheSecret() {
        String token = Sessions.csrfToken(SECRET);
        assertEquals(token, Sessions.csrfToken(SECRET));
        assertNotEquals(token, Sessions.csrfToken(OTHER));
        assertNotEquals(SECRET, token);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertFalse(token.contains(SECRET.substring(0, 8)));
    }

    @Test
    void onlyTheSessionsOwnTokenMatches() {
        String token = Sessions.csrfToken(SECRET);
        assertTrue(SessionCallers.csrfMatches(SECRET, token));
        assertTrue(SessionCallers.csrfMatches(SECRET, " " + token + " "), "header whitespace is not part of it");
        assertFalse(SessionCallers.csrfMatches(SECRET, null));
        assertFalse(SessionCallers.csrfMatches(SECRET, ""));
        assertFalse(SessionCallers.csrfMatches(SECRET, Sessions.csrfToken(OTHER)));
        assertFalse(SessionCallers.csrfMatches(SECRET, token.substring(1)));
        assertFalse(SessionCallers.csrfMatches(SECRET, SECRET), "the cookie value itself is not the token");
    }
}
