package dev.latchkey.network.control;

import dev.latchkey.network.entity.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;


class ClientAddressesTest {

    private final ClientAddresses behindProxy = new ClientAddresses(List.of(Cidr.parse("10.0.0.0/8")));

    @Test
    void forwardedForIsIgnoredFromUntrustedPeers() {
        assertEquals("203.0.113.5", new ClientAddresses(List.of()).clientAddress("203.0.113.5", "1.2.3.4"));
        assertEquals("203.0.113.5", behindProxy.clientAddress("203.0.113.5", "1.2.3.4"));
    }

    @Test
    void trustedProxyHopsAreSkippedFromTheRight() {
        assertEquals("198.51.100.7", behindProxy.clientAddress("10.0.0.2", "198.51.100.7"));
        assertEquals("198.51.100.7", behindProxy.clientAddress("10.0.0.2", "198.51.100.7, 10.0.0.9"));
        // A client-supplied left-most entry cannot win over the first untrusted hop.
        assertEquals("198.51.100.7", behindProxy.clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.9"));
    }

    @Test
    void garbageInTheHeaderFallsBackToThePeer() {
        assertEquals("10.0.0.2", behindProxy.clientAddress("10.0.0.2", "not-an-ip"));
        assertEquals("10.0.0.2", behindProxy.clientAddress("10.0.0.2", "10.0.0.3"));
    }
}
