package dev.latchkey.providers.stripe;

import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.ScopeInfo;
import dev.latchkey.providers.Setting;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/**
 * Stripe Connect (OAuth for Standard accounts), id {@code stripe}. The client id is the
 * platform's Connect client id ({@code ca_…}); the client secret is the platform's secret API key
 * ({@code sk_live_…}, or {@code sk_test_…} for test-mode connections). Besides the standard
 * settings: {@code deauthorize-url} (disconnect) and {@code api-url} (account lookup at
 * {@code /v1/account}).
 */
public final class StripeProviderFactory extends OAuthProviderFactory {

    public static final String ID = "stripe";
    static final String DEAUTHORIZE_URL = "deauthorize-url";
    static final String API_URL = "api-url";
    static final String READ_WRITE = "read_write";
    static final String READ_ONLY = "read_only";

    static final OAuthProfile PROFILE = OAuthProfile.builder(ID, "Stripe")
            .authorizationUrl("https://connect.stripe.com/oauth/authorize")
            .tokenUrl("https://connect.stripe.com/oauth/token")
            .accountUrl("https://api.stripe.com/v1/account", "id", null)
            .refreshRotation(RefreshRotation.KEEPS)
            .scopes(List.of(
                    new ScopeInfo(READ_WRITE, "Act on the connected account: read its data and create or change charges, customers and the rest."),
                    new ScopeInfo(READ_ONLY, "See the connected account's data without changing anything.")))
            // Stripe itself falls back to read_only when scope is omitted; platforms ask for read_write.
            .defaultScopes(List.of(READ_WRITE))
            .setting(Setting.optional(DEAUTHORIZE_URL, "Disconnects an account, default https://connect.stripe.com/oauth/deauthorize."))
            .setting(Setting.optional(API_URL, "The API base, default https://api.stripe.com (account at /v1/account)."))
            .build();

    public StripeProviderFactory() {
        super(PROFILE);
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    /** No PKCE; refresh; no revocation of one connection, only of the whole account (deauthorize). */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, true, false, true);
    }

    @Override
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new StripeProvider(config, new OAuthHttp(http), Clock.systemUTC());
    }
}
