package dev.latchkey.testplugin;

import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.http.HttpClient;
import java.util.List;

/**
 * A provider plugin built by the test suite into its own jar and dropped into the plugins
 * directory, as an admin would: a plain OAuth 2.0 provider ("Acme") at
 * {@code latchkey.providers.acme.base-url}, which the tests' fake server answers.
 */
public class AcmeProviderFactory implements ProviderFactory {

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public String displayName() {
        return "Acme (test plugin)";
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return List.of(new ScopeInfo("read", "Read the account's records"),
                new ScopeInfo("write", "Change the account's records"));
    }

    @Override
    public List<String> defaultScopes() {
        return List.of("read");
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true);
    }

    @Override
    public Provider create(ProviderConfig config, HttpClient http) {
        return new AcmeProvider(config, http);
    }
}
