package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.spotify.SpotifyProviderFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstalledProviderTest {

    private static InstalledProvider spotify(Map<String, String> settings) {
        return new InstalledProvider(new SpotifyProviderFactory(), null, "bundled", new ProviderConfig("spotify", settings));
    }

    @Test
    void aProviderWithItsClientIdAndSecretIsConfigured() {
        InstalledProvider provider = spotify(Map.of("client-id", "id", "client-secret", "secret"));
        assertTrue(provider.configured());
        assertEquals(List.of(), provider.missingSettings());
        provider.requireConfigured();
    }

    @Test
    void eachMissingOrBlankSettingIsNamedByPropertyAndEnvironmentVariable() {
        InstalledProvider provider = spotify(Map.of("client-id", " "));
        assertFalse(provider.configured());
        assertEquals(List.of(
                        new MissingSetting("latchkey.providers.spotify.client-id", "LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_ID"),
                        new MissingSetting("latchkey.providers.spotify.client-secret",
                                "LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_SECRET")),
                provider.missingSettings());
        var refused = assertThrows(ProviderNotConfiguredException.class, provider::requireConfigured);
        assertEquals(ErrorCode.PROVIDER_NOT_CONFIGURED, refused.code());
        assertEquals("spotify is installed but not configured: set latchkey.providers.spotify.client-id "
                + "(LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_ID) and latchkey.providers.spotify.client-secret "
                + "(LATCHKEY_PROVIDERS_SPOTIFY_CLIENT_SECRET)", refused.getMessage());
    }
}
