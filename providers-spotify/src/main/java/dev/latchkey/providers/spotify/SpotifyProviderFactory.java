package dev.latchkey.providers.spotify;

import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/**
 * Spotify (Web API, authorization code with PKCE), id {@code spotify}. Settings, under
 * {@code latchkey.providers.spotify.}:
 * <ul>
 *   <li>{@code client-id}: the app's client id from the Spotify developer dashboard.</li>
 *   <li>{@code client-secret}: the app's client secret. With it Latchkey is a confidential
 *       client (HTTP Basic at the token endpoint); without it a public PKCE client
 *       ({@code client_id} in the form, no secret).</li>
 *   <li>{@code authorize-url}, default {@code https://accounts.spotify.com/authorize}.</li>
 *   <li>{@code token-url}, default {@code https://accounts.spotify.com/api/token} (code exchange
 *       and refresh).</li>
 *   <li>{@code api-url}, default {@code https://api.spotify.com} (account lookup at
 *       {@code /v1/me}).</li>
 * </ul>
 */
public final class SpotifyProviderFactory implements ProviderFactory {

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    public static final String ID = "spotify";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Spotify";
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return SpotifyScopes.CATALOG;
    }

    @Override
    public List<String> defaultScopes() {
        return SpotifyScopes.DEFAULTS;
    }

    /** PKCE and refresh; no revocation, Spotify has no endpoint for it. */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, false, false);
    }

    @Override
    public Provider create(ProviderConfig config, HttpClient http) {
        return create(config, http, Clock.systemUTC());
    }

    Provider create(ProviderConfig config, HttpClient http, Clock clock) {
        return new SpotifyProvider(SpotifyClient.from(config), SpotifyEndpoints.from(config), new OAuthHttp(http), clock);
    }
}
