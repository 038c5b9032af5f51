package dev.latchkey.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserCookiesTest {

    @Test
    void outsidePlainHttpLoopbackCookiesAreHostPrefixedAndSecure() {
        URI https = URI.create("https://auth.example.com/");
        assertEquals("__Host-latchkey_session=v; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax",
                BrowserCookies.set("session", "v", Duration.ofMinutes(1), https));
        assertEquals("__Host-latchkey_session", BrowserCookies.name("session", URI.create("http://auth.example.com/")),
                "plain http off loopback still asks for Secure: the browser keeps no session in clear");
    }

    @Test
    void plainHttpOnLoopbackDropsThePrefixAndSecure() {
        for (String base : new String[] {"http://127.0.0.1:8080/", "http://localhost/", "http://[::1]:9/"}) {
            URI uri = URI.create(base);
            assertTrue(BrowserCookies.plainLoopback(uri), base);
            assertEquals("latchkey_form=v; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
                    BrowserCookies.set("form", "v", Duration.ZERO, uri));
        }
    }

    @Test
    void onlyCookieShapedValuesOfTheRightNameAreRead() {
        URI uri = URI.create("https://auth.example.com/");
        String value = "a".repeat(43);
        assertEquals(value, BrowserCookies.read("session", Map.of("__Host-latchkey_session", value)::get, uri)
                .orElseThrow());
        assertTrue(BrowserCookies.read("session", Map.of("latchkey_session", value)::get, uri).isEmpty(),
                "over https the unprefixed name (settable by a sibling host) is not read");
        assertTrue(BrowserCookies.read("session", Map.of("__Host-latchkey_session", "short")::get, uri).isEmpty());
    }
}
