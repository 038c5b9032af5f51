package dev.latchkey.oauth.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.problems.control.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one redirect URI rule: what may be registered, and what a registered URI accepts. */
class RedirectUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "https://app.example:8443/cb?x=1", "http://127.0.0.1/callback",
            "http://127.0.0.1:9/callback", "http://[::1]/cb", "http://[::1]:8080", "com.example.app:/oauth2redirect",
            "com.example.app://callback"})
    void registrableUris(String uri) {
        assertDoesNotThrow(() -> RedirectUris.requireRegistrable(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "javascript://x.example/%0aalert(1)", "data:text/html,hi",
            "file:///etc/passwd", "vbscript:msgbox", "HTTP://evil.example/cb", "Https://app.example/cb",
            "http://evil.example/cb", "http://localhost/cb", "http://localhost:8080/cb", "https://app.example/cb#x",
            "https://user:pw@app.example/cb", "https://app.example@evil.example/cb", "https://*.example/cb",
            "https://app.example/*", "myapp:/cb", "/relative/cb", "https:///nohost", "", " https://app.example/cb",
            "http://127.0.0.1.evil.example/cb", "http://127.0.0.1@evil.example/cb", "https://app.example/c b"})
    void refusedUrisNameTheField(String uri) {
        var refused = assertThrows(InvalidInputException.class, () -> RedirectUris.requireRegistrable(uri));
        assertEquals("redirect_uris", refused.fields().get(0).field());
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1/callback, http://127.0.0.1:54321/callback, true",
            "http://127.0.0.1:9/callback, http://127.0.0.1:54321/callback, true",
            "http://127.0.0.1/callback, http://127.0.0.1/callback, true",
            "http://[::1]/cb, http://[::1]:61000/cb, true",
            "http://127.0.0.1/callback, http://127.0.0.1:54321/other, false",
            "http://127.0.0.1/callback, http://127.0.0.1:54321/callback?x=1, false",
            "http://127.0.0.1/callback, http://127.0.0.1:99999/callback, false",
            "http://127.0.0.1/callback, http://[::1]:5000/callback, false",
            "http://127.0.0.1/callback, https://127.0.0.1:5000/callback, false",
            "http://127.0.0.1/callback, http://127.0.0.1:5000/callback#x, false",
            "https://app.example/cb, https://app.example:444/cb, false",
            "https://app.example/cb, https://APP.example/cb, false",
            "https://app.example/cb, https://app.example/cb/, false"})
    void onlyTheLoopbackPortMayDiffer(String registered, String presented, boolean accepted) {
        assertEquals(accepted, RedirectUris.accepts(List.of(registered), presented));
    }

    @Test
    void nothingAcceptsAMissingUri() {
        assertFalse(RedirectUris.accepts(List.of("https://app.example/cb"), null));
        assertTrue(RedirectUris.accepts(List.of("https://a.example/x", "https://app.example/cb"),
                "https://app.example/cb"));
    }

    @Test
    void originsAreThoseABrowserSends() {
        assertEquals(Optional.of("https://app.example"), RedirectUris.origin("https://app.example/cb?x=1"));
        assertEquals(Optional.of("https://app.example:8443"), RedirectUris.origin("https://app.example:8443/cb"));
        assertEquals(Optional.of("http://127.0.0.1:9"), RedirectUris.origin("http://127.0.0.1:9/cb"));
        assertEquals(Optional.empty(), RedirectUris.origin("com.example.app:/cb"));
    }
}
