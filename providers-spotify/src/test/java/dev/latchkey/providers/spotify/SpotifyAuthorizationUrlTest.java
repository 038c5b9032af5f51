package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyAuthorizationUrlTest {

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

    private static Map<String, String> query(URI url) {
        return FakeSpotify.parseForm(url.getRawQuery());
    }

    @Test
    void urlCarriesClientResponseTypeRedirectStateAndS256Challenge() {
        String challenge = Pkce.challenge(Pkce.newVerifier());
        URI url = provider.authorizationUrl(new AuthorizationRequest("xyz", FakeSpotify.REDIRECT_URI,
                List.of("user-read-email"), challenge));
        assertEquals(fake.base() + "/authorize", url.getScheme() + "://" + url.getAuthority() + url.getPath());
        Map<String, String> query = query(url);
        assertEquals(FakeSpotify.CLIENT_ID, query.get("client_id"));
        assertEquals("code", query.get("response_type"));
        assertEquals(FakeSpotify.REDIRECT_URI.toString(), query.get("redirect_uri"));
        assertEquals("xyz", query.get("state"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(challenge, query.get("code_challenge"));
    }

    @Test
    void scopesAreSpaceSeparated() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI,
                List.of("user-read-private", "user-read-email", "playlist-read-private"), "c"));
        assertEquals("user-read-private user-read-email playlist-read-private", query(url).get("scope"));
    }

    @Test
    void noScopeParameterWhenNoScopesAreAsked() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, List.of(), "c"));
        assertFalse(query(url).containsKey("scope"));
    }

    @Test
    void withoutAChallengeNoPkceParametersAreSent() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, List.of(), null));
        assertFalse(query(url).containsKey("code_challenge"));
        assertFalse(query(url).containsKey("code_challenge_method"));
    }

    @Test
    void theClientSecretIsNeverInTheUrl() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, List.of(), "c"));
        assertFalse(url.toString().contains(FakeSpotify.CLIENT_SECRET));
    }

    @Test
    void anAuthorizeUrlWithItsOwnQueryKeepsIt() {
        Map<String, String> settings = new HashMap<>(fake.settings());
        settings.put("authorize-url", fake.base() + "/authorize?show_dialog=true");
        URI url = FakeSpotify.provider(settings)
                .authorizationUrl(new AuthorizationRequest("s", FakeSpotify.REDIRECT_URI, List.of(), "c"));
        assertEquals("true", query(url).get("show_dialog"));
        assertEquals(FakeSpotify.CLIENT_ID, query(url).get("client_id"));
    }

    @Test
    void theFakeConsentPageAcceptsTheUrlAndEchoesTheState() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("st-42", FakeSpotify.REDIRECT_URI,
                List.of("user-top-read"), Pkce.challenge(Pkce.newVerifier())));
        FakeSpotify.Consent consent = fake.consent(url, "smedjan");
        assertEquals("st-42", consent.state());
        assertTrue(fake.seen().isEmpty(), "building the URL must not call Spotify");
    }
}
