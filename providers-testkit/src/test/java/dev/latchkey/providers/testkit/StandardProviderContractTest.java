package dev.latchkey.providers.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.TokenSet;
import org.junit.jupiter.api.Test;

/** The plain {@link dev.latchkey.providers.OAuthProvider}, from a profile alone, passes the contract. */
class StandardProviderContractTest extends ProviderContract {

    @Override
    protected String providerId() {
        return "standard";
    }

    @Test
    void theClientAuthenticatesWithBasicAsItsProfileSays() {
        connect();
        assertTrue(fake.requests("/token").get(0).header("Authorization").startsWith("Basic "));
        assertEquals(null, fake.requests("/token").get(0).form().get("client_secret"));
    }

    @Test
    void revocationPostsTheRefreshTokenPerRfc7009() {
        TokenSet tokens = connect();
        provider.revoke(tokens);
        assertTrue(fake.revoked(tokens.refreshToken()));
        assertEquals("refresh_token", fake.requests("/revoke").get(0).form().get("token_type_hint"));
    }

    @Test
    void theAccountNameIsReadByItsPointer() {
        assertEquals(new Account("acct-1", "Ada Lovelace"), provider.account(connect()));
    }
}
