package dev.latchkey.providers.salesforce;

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
 * Salesforce, id {@code salesforce}: the OAuth 2.0 web server flow with PKCE, refresh and
 * revocation. Client id and secret are the app's consumer key and secret (leave the secret empty
 * for a public client). Besides the standard settings (which default to paths under the login
 * host): {@code environment}, {@code login-url}, {@code revoke-url} and
 * {@code session-lifetime-seconds}. The account is read from the identity URL of the token
 * response, or {@code /services/oauth2/userinfo} of the instance or the login host.
 */
public final class SalesforceProviderFactory extends OAuthProviderFactory {

    public static final String ID = "salesforce";
    static final String ENVIRONMENT = "environment";
    static final String LOGIN_URL = "login-url";
    static final String REVOKE_URL = "revoke-url";
    static final String SESSION_LIFETIME_SECONDS = "session-lifetime-seconds";
    static final String PRODUCTION = "https://login.salesforce.com";

    static final OAuthProfile PROFILE = OAuthProfile.builder(ID, "Salesforce")
            .authorizationUrl(PRODUCTION + "/services/oauth2/authorize")
            .tokenUrl(PRODUCTION + "/services/oauth2/token")
            .revocationUrl(PRODUCTION + "/services/oauth2/revoke")
            .accountUrl(PRODUCTION + "/services/oauth2/userinfo", "user_id", null)
            .pkce(true)
            .refreshRotation(RefreshRotation.MAY_ROTATE)
            .scopesFrom(SalesforceProviderFactory.class, "scopes.tsv")
            .defaultScopes(List.of("api", "refresh_token"))
            .setting(Setting.optional(ENVIRONMENT, "production (default, https://login.salesforce.com) or sandbox (https://test.salesforce.com)."))
            .setting(Setting.optional(LOGIN_URL, "The login host, overriding environment, for example a My Domain."))
            .setting(Setting.optional(REVOKE_URL, "Overrides the revocation URL (as revocation-url does)."))
            .setting(Setting.optional(SESSION_LIFETIME_SECONDS, "How long an access token lives after its issued_at, default 7200; set it to the org's session timeout."))
            .build();

    public SalesforceProviderFactory() {
        super(PROFILE);
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new SalesforceProvider(config, new OAuthHttp(http), Clock.systemUTC());
    }
}
