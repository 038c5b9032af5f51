package dev.latchkey.testplugin;

import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.ScopeInfo;
import dev.latchkey.providers.Setting;
import java.net.http.HttpClient;
import java.util.List;

/**
 * A provider plugin built by the test suite into its own jar and dropped into the plugins
 * directory, as an admin would: a plain OAuth 2.0 provider ("Acme") at
 * {@code latchkey.providers.acme.base-url}, which the tests' fake server answers. Standard RFC 6749
 * with PKCE, HTTP Basic client authentication, rotating refresh, RFC 7009 revocation: a profile and
 * nothing else, on SPI 1.0.
 */
public class AcmeProviderFactory extends OAuthProviderFactory {

    static final String BASE_URL = "base-url";

    public AcmeProviderFactory() {
        super(profile("http://127.0.0.1:9"));
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new OAuthProvider(profile(config.get(BASE_URL, "http://127.0.0.1:9")), config, http);
    }

    private static OAuthProfile profile(String base) {
        return OAuthProfile.builder("acme", "Acme (test plugin)")
                .authorizationUrl(base + "/authorize").tokenUrl(base + "/token").revocationUrl(base + "/revoke")
                .accountUrl(base + "/me", "id", "name")
                .clientAuthentication(ClientAuthentication.BASIC).pkce(true).refreshRotation(RefreshRotation.ROTATES)
                .scopes(List.of(new ScopeInfo("read", "Read the account's records"),
                        new ScopeInfo("write", "Change the account's records")))
                .defaultScopes(List.of("read"))
                .setting(Setting.optional(BASE_URL, "Where the Acme server runs."))
                .build();
    }
}
