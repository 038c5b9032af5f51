package dev.latchkey.credentials.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.network.entity.Cidr;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Credential credential() {
        return new Credential("abc", CredentialKind.API_TOKEN, "sk_live_", "wxyz", "k1", new byte[32], "team_1",
                "key", Set.of(Permission.READ), null, "mem_1", NOW);
    }

    @Test
    void theAllowlistIsParsedOnceAndKeptWithTheRow() {
        Credential credential = credential().restrictedTo(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32")));
        List<Cidr> first = credential.allowedBlocks();
        assertSame(first, credential.allowedBlocks());
        assertEquals(List.of("10.0.0.0/8", "2001:db8:0:0:0:0:0:0/32"), first.stream().map(Cidr::toString).toList());
        assertTrue(credential.allowsAddress("10.1.2.3"));
        assertTrue(credential.allowsAddress("2001:db8::1"));
        assertFalse(credential.allowsAddress("192.168.0.1"));
        assertFalse(credential.allowsAddress(null));
    }

    @Test
    void changingTheAllowlistDropsTheParsedOne() {
        Credential credential = credential().restrictedTo(List.of(Cidr.parse("10.0.0.0/8")));
        assertTrue(credential.allowsAddress("10.1.2.3"));
        credential.restrictedTo(List.of(Cidr.parse("192.168.0.0/16")));
        assertFalse(credential.allowsAddress("10.1.2.3"));
        assertTrue(credential.allowsAddress("192.168.1.1"));
        credential.restrictedTo(List.of());
        assertEquals(List.of(), credential.allowedBlocks());
        assertTrue(credential.allowsAddress("10.1.2.3"));
    }

    @Test
    void statusIsWorkedOutFromTheTimes() {
        Credential credential = credential();
        assertEquals(CredentialStatus.ACTIVE, credential.status(NOW));
        credential.disabledFrom(NOW);
        assertEquals(CredentialStatus.DISABLED, credential.status(NOW));
        credential.expireBy(NOW.plusSeconds(60));
        assertEquals(CredentialStatus.EXPIRED, credential.status(NOW.plusSeconds(60)));
        credential.revoke(NOW);
        assertEquals(CredentialStatus.REVOKED, credential.status(NOW));
        assertEquals("revoked", credential.status(NOW).wireName());
        assertFalse(credential.isUsable(NOW));
    }

    @Test
    void eachRefusalFollowsFromAStatus() {
        assertTrue(Refusal.of(CredentialStatus.ACTIVE).isEmpty());
        assertEquals(Refusal.REVOKED, Refusal.of(CredentialStatus.REVOKED).orElseThrow());
        assertEquals(Refusal.EXPIRED, Refusal.of(CredentialStatus.EXPIRED).orElseThrow());
        assertEquals(Refusal.DISABLED, Refusal.of(CredentialStatus.DISABLED).orElseThrow());
        assertEquals("wrong_secret", Refusal.WRONG_SECRET.wireName());
        assertEquals("address_not_allowed", Refusal.ADDRESS_NOT_ALLOWED.wireName());
    }
}
