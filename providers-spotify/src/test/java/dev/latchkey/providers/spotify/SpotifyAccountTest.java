package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyAccountTest {

    private FakeSpotify fake;
    private Provider provider;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSpotify();
        provider = fake.provider();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void accountIsTheSpotifyUserIdAndDisplayName() {
        TokenSet tokens = fake.connect(provider, List.of());
        assertEquals(new Account("smedjan", "Ada Lovelace"), provider.account(tokens));
        FakeRequest request = fake.last("/v1/me");
        assertEquals("GET", request.method());
        assertEquals("Bearer " + tokens.accessToken(), request.header("Authorization"));
    }

    @Test
    void aUserWithoutDisplayNameIsNamedByTheirId() {
        fake.addUser(new JSONObject().put("id", "smedjan").put("display_name", JSONObject.NULL).put("type", "user"));
        TokenSet tokens = fake.connect(provider, List.of());
        assertEquals(new Account("smedjan", "smedjan"), provider.account(tokens));
    }

    @Test
    void anExpiredAccessTokenIsRejectedWithSpotifysMessage() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.anHourPassed();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("The access token expired"), e.getMessage());
    }

    @Test
    void aRefreshedAccessTokenReadsTheAccountAgain() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.anHourPassed();
        assertEquals("smedjan", provider.account(provider.refresh(tokens)).id());
    }

    @Test
    void aProfileWithoutIdIsRejected() {
        TokenSet tokens = fake.connect(provider, List.of());
        fake.answerNext(200, "{\"display_name\":\"Nobody\"}", Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.account(tokens));
        assertEquals(ProviderException.Reason.REJECTED, e.reason());
    }
}
