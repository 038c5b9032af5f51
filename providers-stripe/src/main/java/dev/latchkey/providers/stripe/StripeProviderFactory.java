package dev.latchkey.providers.stripe;

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
 * Stripe Connect (OAuth for Standard accounts), id {@code stripe}. Settings, under
 * {@code latchkey.providers.stripe.}:
 * <ul>
 *   <li>{@code client-id}: the platform's Connect client id ({@code ca_…}).</li>
 *   <li>{@code client-secret}: the platform's secret API key ({@code sk_live_…} or
 *       {@code sk_test_…}); Stripe has no separate OAuth client secret, and a test key makes
 *       test-mode connections.</li>
 *   <li>{@code authorize-url}, default {@code https://connect.stripe.com/oauth/authorize}.</li>
 *   <li>{@code token-url}, default {@code https://connect.stripe.com/oauth/token} (code exchange
 *       and refresh).</li>
 *   <li>{@code deauthorize-url}, default {@code https://connect.stripe.com/oauth/deauthorize}
 *       (disconnect).</li>
 *   <li>{@code api-url}, default {@code https://api.stripe.com} (account lookup at
 *       {@code /v1/account}).</li>
 * </ul>
 */
public final class StripeProviderFactory implements ProviderFactory {

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    public static final String ID = "stripe";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Stripe";
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return StripeScopes.CATALOG;
    }

    @Override
    public List<String> defaultScopes() {
        return StripeScopes.DEFAULTS;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, true, false, true);
    }

    @Override
    public Provider create(ProviderConfig config, HttpClient http) {
        return new StripeProvider(config.clientId(), config.clientSecret(), StripeEndpoints.from(config),
                new OAuthHttp(http), Clock.systemUTC());
    }
}
