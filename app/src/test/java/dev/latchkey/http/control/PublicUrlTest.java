package dev.latchkey.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void unsetItIsTheLoopbackAddressOnTheListenersPort() {
        PublicUrl url = new PublicUrl();
        url.publicUrl = Optional.empty();
        url.listenerPort = 9090;
        assertEquals("http://127.0.0.1:9090", url.base());
        assertEquals("http://127.0.0.1:9090/oauth/token", url.resolve("/oauth/token").toString());
        assertFalse(url.configured());
    }

    @Test
    void setItWinsWithoutItsTrailingSlash() {
        PublicUrl url = new PublicUrl("https://keys.example.com/");
        url.listenerPort = 9090;
        assertEquals("https://keys.example.com", url.base());
        assertTrue(url.configured());
    }
}
