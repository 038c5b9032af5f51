package dev.latchkey.providers.github;

import dev.latchkey.providers.Capabilities;
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
 * GitHub, id {@code github}, for an OAuth App or a GitHub App's user authorization (client id:
 * the app's Client ID, not its App ID). Besides the standard settings, {@code api-url} (default
 * {@code https://api.github.com}; {@code https://HOST/api/v3} for GitHub Enterprise Server) moves
 * the account lookup and the app endpoints that revoke and check tokens. Refresh is a
 * capability because GitHub App user tokens refresh (and rotate); OAuth App tokens never expire.
 */
public final class GitHubProviderFactory extends OAuthProviderFactory {

    public static final String ID = "github";
    static final String API_URL = "api-url";
    static final String DEFAULT_API_URL = "https://api.github.com";

    static final OAuthProfile PROFILE = OAuthProfile.builder(ID, "GitHub")
            .authorizationUrl("https://github.com/login/oauth/authorize")
            .tokenUrl("https://github.com/login/oauth/access_token")
            .accountUrl(DEFAULT_API_URL + "/user", "id", "login")
            .scopeSeparator(" ")
            .grantedScopeSeparator(",")
            // GitHub has accepted PKCE (S256) since 2025-07-14.
            .pkce(true)
            .refreshRotation(RefreshRotation.ROTATES)
            .scopesFrom(GitHubProviderFactory.class, "scopes.tsv")
            // No scope: read-only access to public information, GitHub's default.
            .defaultScopes(List.of())
            .setting(Setting.optional(API_URL, "The REST API base, default " + DEFAULT_API_URL
                    + " (https://HOST/api/v3 for GitHub Enterprise Server)."))
            .build();

    public GitHubProviderFactory() {
        super(PROFILE);
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    /** PKCE, refresh (GitHub App user tokens), revocation of one token and of the user's whole grant. */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true);
    }

    @Override
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new GitHubProvider(config, new OAuthHttp(http), Clock.systemUTC());
    }
}
