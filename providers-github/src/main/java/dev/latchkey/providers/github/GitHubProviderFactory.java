package dev.latchkey.providers.github;

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
 * GitHub, id {@code github}, for an OAuth App or a GitHub App's user authorization. Settings,
 * under {@code latchkey.providers.github.}:
 * <ul>
 *   <li>{@code client-id}: the OAuth App's client id, or the GitHub App's Client ID (not its App ID).</li>
 *   <li>{@code client-secret}: the matching client secret.</li>
 *   <li>{@code authorize-url}, default {@code https://github.com/login/oauth/authorize}.</li>
 *   <li>{@code token-url}, default {@code https://github.com/login/oauth/access_token} (code
 *       exchange and refresh).</li>
 *   <li>{@code api-url}, default {@code https://api.github.com} (account lookup at {@code /user},
 *       revocation at {@code DELETE /applications/{client-id}/grant}); for GitHub Enterprise
 *       Server this is {@code https://HOST/api/v3}.</li>
 * </ul>
 * Refresh is a capability because GitHub App user tokens refresh; OAuth App tokens never expire
 * and come without a refresh token.
 */
public final class GitHubProviderFactory implements ProviderFactory {

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    public static final String ID = "github";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "GitHub";
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return GitHubScopes.CATALOG;
    }

    @Override
    public List<String> defaultScopes() {
        return GitHubScopes.DEFAULTS;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true);
    }

    @Override
    public Provider create(ProviderConfig config, HttpClient http) {
        return new GitHubProvider(config.clientId(), config.clientSecret(), GitHubEndpoints.from(config),
                new OAuthHttp(http), Clock.systemUTC());
    }
}
