package dev.latchkey.network.entity;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


class CidrTest {

    @Test
    void ipv4BlocksContainTheirAddressesOnly() {
        Cidr block = Cidr.parse("10.1.0.0/16");
        assertTrue(block.contains("10.1.255.7"));
        assertFalse(block.contains("10.2.0.1"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertTrue(Cidr.parse("192.168.1.5").contains("192.168.1.5"));
        assertFalse(Cidr.parse("192.168.1.5").contains("192.168.1.6"));
    }

    @Test
    void ipv6BlocksContainTheirAddressesOnly() {
        Cidr block = Cidr.parse("2001:db8::/32");
        assertTrue(block.contains("2001:db8:1::5"));
        assertFalse(block.contains("2001:db9::1"));
        assertFalse(block.contains("10.0.0.1"));
        assertTrue(Cidr.parse("::1/128").contains("0:0:0:0:0:0:0:1"));
    }

    @Test
    void ipv4MappedIpv6AddressesMatchIpv4Blocks() {
        assertTrue(Cidr.parse("127.0.0.0/8").contains("::ffff:127.0.0.1"));
    }

    @Test
    void hostBitsAreMaskedInTheCanonicalForm() {
        assertEquals("10.1.0.0/16", Cidr.parse("10.1.2.3/16").toString());
    }

    @Test
    void invalidBlocksAreRejectedWithoutNameLookups() {
        for (String bad : List.of("", "10.0.0.0/33", "10.0.0.0/-1", "300.1.1.1", "example.com", "10.0.0/8",
                "2001:db8::/129", "10.0.0.0/abc", "localhost")) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
        assertFalse(Cidr.parse("10.0.0.0/8").contains("not-an-address"));
    }
}
