package dev.latchkey.providers.spotify;

import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.Setting;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/**
 * Spotify (Web API, authorization code with PKCE), id {@code spotify}. With a client secret
 * Latchkey is a confidential client (HTTP Basic); without one a public PKCE client. Spotify has
 * no revocation endpoint. Besides the standard settings, {@code api-url} (default
 * {@code https://api.spotify.com}) moves the account lookup ({@code /v1/me}).
 */
public final class SpotifyProviderFactory extends OAuthProviderFactory {

    public static final String ID = "spotify";
    static final String API_URL = "api-url";

    static final OAuthProfile PROFILE = OAuthProfile.builder(ID, "Spotify")
            .authorizationUrl("https://accounts.spotify.com/authorize")
            .tokenUrl("https://accounts.spotify.com/api/token")
            .accountUrl("https://api.spotify.com/v1/me", "id", "display_name")
            .clientAuthentication(ClientAuthentication.BASIC)
            .pkce(true)
            .refreshRotation(RefreshRotation.MAY_ROTATE)
            .scopesFrom(SpotifyProviderFactory.class, "scopes.tsv")
            // With no scope Spotify still grants the public profile, all the account lookup needs.
            .defaultScopes(List.of())
            .setting(Setting.optional(API_URL, "The Web API base, default https://api.spotify.com (account at /v1/me)."))
            .build();

    public SpotifyProviderFactory() {
        super(PROFILE);
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new SpotifyProvider(config, new OAuthHttp(http), Clock.systemUTC());
    }
}
