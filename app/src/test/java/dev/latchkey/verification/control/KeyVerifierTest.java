package dev.latchkey.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.credentials.control.TokenFormat;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyVerifierTest {

    private static Caller caller(CredentialKind kind, String site, String environment, Set<Permission> permissions,
                                 boolean scoped, List<String> scopes) {
        var team = new Caller.TeamRef("team_1", "t");
        var siteRef = new Caller.SiteRef(site, "s");
        return new Caller(Caller.CredentialRef.of(kind, "tok_x", "n", null), team, null, siteRef,
                Caller.authority(team, siteRef, null, Optional.of(Environment.parse(environment)), permissions, Map.of(), scoped, scopes, List.of(), null));
    }

    private static KeyVerifier.Request asking(Set<Permission> permissions, List<String> scopes) {
        return new KeyVerifier.Request("k", permissions, scopes, 1, null);
    }

    private static Credential key(CredentialKind kind, String site, String environment) {
        return new Credential("abcdefghijkl", kind, "sk_" + environment + "_", "last", "k1", new byte[32], "team_1",
                "n", Set.of(), null, "mem_1", Instant.EPOCH).forSite(site, Environment.parse(environment));
    }

    @Test
    void permissionsAreCheckedBeforeScopes() {
        Caller reader = caller(CredentialKind.API_TOKEN, "site_1", "live", EnumSet.of(Permission.READ), true,
                List.of("scope_a"));
        assertEquals(KeyVerifier.Code.VALID, KeyVerifier.authorityCode(reader, asking(Set.of(), List.of())));
        assertEquals(KeyVerifier.Code.VALID,
                KeyVerifier.authorityCode(reader, asking(Set.of(Permission.READ), List.of("scope_a"))));
        assertEquals(KeyVerifier.Code.INSUFFICIENT_PERMISSIONS,
                KeyVerifier.authorityCode(reader, asking(Set.of(Permission.WRITE), List.of("scope_b"))));
        assertEquals(KeyVerifier.Code.INSUFFICIENT_SCOPE,
                KeyVerifier.authorityCode(reader, asking(Set.of(Permission.READ), List.of("scope_b"))));
    }

    @Test
    void aKeyCreatedWithoutScopesHoldsThemAll() {
        Caller unscoped = caller(CredentialKind.API_TOKEN, "site_1", "live", EnumSet.allOf(Permission.class), false,
                List.of());
        assertEquals(KeyVerifier.Code.VALID, KeyVerifier.authorityCode(unscoped, asking(Set.of(), List.of("any"))));
    }

    @Test
    void aVerifierSeesOnlyItsSitesApiKeysOfItsEnvironment() {
        Caller verifier = caller(CredentialKind.VERIFIER, "site_1", "test", Set.of(), false, List.of());
        assertTrue(KeyVerifier.visibleTo(verifier, key(CredentialKind.API_TOKEN, "site_1", "test")));
        assertFalse(KeyVerifier.visibleTo(verifier, key(CredentialKind.API_TOKEN, "site_1", "live")));
        assertFalse(KeyVerifier.visibleTo(verifier, key(CredentialKind.API_TOKEN, "site_2", "test")));
        assertFalse(KeyVerifier.visibleTo(verifier, key(CredentialKind.VERIFIER, "site_1", "test")));
        assertFalse(KeyVerifier.visibleTo(verifier, key(CredentialKind.SITE_TOKEN, "site_1", "test")));
    }

    @Test
    void verifierKeysHaveTheirOwnPrefixesAndTheCommonShape() {
        for (String prefix : List.of("vk_live_", "vk_test_")) {
            assertEquals(CredentialKind.VERIFIER, CredentialKind.forPrefix(prefix).orElseThrow());
            var token = TokenFormat.generate(prefix);
            assertEquals(prefix, TokenFormat.parse(token.value()).orElseThrow().prefix());
        }
        assertTrue(CredentialKind.forPrefix("vk_").isEmpty());
    }
}
