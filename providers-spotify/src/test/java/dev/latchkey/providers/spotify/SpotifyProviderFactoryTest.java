package dev.latchkey.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpotifyProviderFactoryTest {

    private final SpotifyProviderFactory factory = new SpotifyProviderFactory();

    @Test
    void serviceLoaderFindsTheFactoryUnderIdSpotify() {
        List<ProviderFactory> found = ServiceLoader.load(ProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("spotify")).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof SpotifyProviderFactory);
        assertEquals("Spotify", found.get(0).displayName());
    }

    @Test
    void capabilitiesArePkceAndRefreshWithoutRevocation() {
        assertTrue(factory.capabilities().pkce());
        assertTrue(factory.capabilities().refresh());
        assertFalse(factory.capabilities().revoke());
    }

    @Test
    void catalogHasEverySpotifyScopeOnceWithAOneLineDescription() {
        List<ScopeInfo> catalog = factory.scopeCatalog();
        Set<String> names = catalog.stream().map(ScopeInfo::name).collect(Collectors.toSet());
        assertEquals(catalog.size(), names.size(), "duplicate scope names");
        assertEquals(25, catalog.size());
        assertTrue(names.containsAll(Set.of("user-read-private", "user-read-email", "playlist-modify-public",
                "user-library-read", "streaming", "user-read-playback-state", "ugc-image-upload")));
        for (ScopeInfo scope : catalog) {
            assertFalse(scope.description().isBlank(), scope.name());
            assertFalse(scope.description().contains("\n"), scope.name());
        }
    }

    @Test
    void defaultScopesAreInTheCatalog() {
        Set<String> names = new HashSet<>(factory.scopeCatalog().stream().map(ScopeInfo::name).toList());
        assertTrue(names.containsAll(factory.defaultScopes()));
    }

    @Test
    void withoutUrlSettingsTheRealSpotifyEndpointsAreUsed() {
        SpotifyEndpoints endpoints = SpotifyEndpoints.from(new ProviderConfig("spotify", Map.of()));
        assertEquals("https://accounts.spotify.com/authorize", endpoints.authorizeUrl());
        assertEquals(URI.create("https://accounts.spotify.com/api/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://api.spotify.com/v1/me"), endpoints.me());
    }

    @Test
    void aProviderCreatedWithoutUrlSettingsSendsUsersToSpotify() {
        URI url = factory.create(new ProviderConfig("spotify", Map.of("client-id", "abc")), HttpClient.newHttpClient())
                .authorizationUrl(new AuthorizationRequest("s", URI.create("https://app.example/cb"), List.of(), null));
        assertTrue(url.toString().startsWith("https://accounts.spotify.com/authorize?client_id=abc&"), url.toString());
    }

    @Test
    void apiUrlWithTrailingSlashGivesASingleSlashBeforeV1Me() {
        SpotifyEndpoints endpoints = SpotifyEndpoints.from(new ProviderConfig("spotify",
                Map.of("api-url", "http://127.0.0.1:9/")));
        assertEquals(URI.create("http://127.0.0.1:9/v1/me"), endpoints.me());
    }
}
