package dev.latchkey.providers.testkit;

import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.http.HttpClient;
import java.util.List;

/** The standard provider without the SPI's scrubbing: its errors repeat what the server echoed. */
public final class LeakyProviderFactory implements ProviderFactory {

    private final StandardProviderFactory standard = new StandardProviderFactory();

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String id() {
        return "leaky";
    }

    @Override
    public String displayName() {
        return "Leaky";
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return standard.scopeCatalog();
    }

    @Override
    public List<String> defaultScopes() {
        return standard.defaultScopes();
    }

    @Override
    public Capabilities capabilities() {
        return standard.capabilities();
    }

    @Override
    public Provider create(ProviderConfig config, HttpClient http) {
        return new OAuthProvider(standard.profile(), config, http);
    }
}
