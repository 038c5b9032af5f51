package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The Salesforce provider: OAuth 2.0 web server flow with PKCE (S256), refresh and revocation.
 *
 * <p>Configuration, under {@code latchkey.providers.salesforce.}:
 * <ul>
 *   <li>{@code client-id}, {@code client-secret}: the app's consumer key and secret. Leave the
 *       secret empty for a public client; it is then never sent.</li>
 *   <li>{@code environment}: {@code production} (default, {@code https://login.salesforce.com})
 *       or {@code sandbox} ({@code https://test.salesforce.com}).</li>
 *   <li>{@code login-url}: the login host, overriding {@code environment}, for example a My
 *       Domain such as {@code https://acme.my.salesforce.com}.</li>
 *   <li>{@code authorize-url}, {@code token-url}, {@code revoke-url}: default to {@code
 *       /services/oauth2/authorize}, {@code /services/oauth2/token} and {@code
 *       /services/oauth2/revoke} under the login URL.</li>
 *   <li>{@code session-lifetime-seconds}: how long an access token is taken to live after its
 *       {@code issued_at}, default 7200 (Salesforce's default session timeout); set it to the
 *       org's session timeout.</li>
 * </ul>
 * The account lookup calls the identity URL of the token response, or {@code
 * /services/oauth2/userinfo} of the instance URL or of the login URL, so it follows {@code
 * login-url} too.
 */
public final class SalesforceProviderFactory implements ProviderFactory {

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    public static final String ID = "salesforce";

    static final String SESSION_LIFETIME_SECONDS = "session-lifetime-seconds";
    static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(2);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Salesforce";
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return SalesforceScopes.CATALOG;
    }

    @Override
    public List<String> defaultScopes() {
        return SalesforceScopes.DEFAULTS;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, false);
    }

    @Override
    public Provider create(ProviderConfig config, HttpClient http) {
        return new SalesforceProvider(config.clientId(), config.clientSecret(), SalesforceEndpoints.from(config),
                sessionLifetime(config), new OAuthHttp(http), Clock.systemUTC());
    }

    static Duration sessionLifetime(ProviderConfig config) {
        String value = config.get(SESSION_LIFETIME_SECONDS).orElse(null);
        if (value == null) {
            return DEFAULT_SESSION_LIFETIME;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("latchkey.providers." + config.providerId() + "."
                    + SESSION_LIFETIME_SECONDS + " must be a positive number of seconds, not '" + value + "'");
        }
        return Duration.ofSeconds(seconds);
    }
}
