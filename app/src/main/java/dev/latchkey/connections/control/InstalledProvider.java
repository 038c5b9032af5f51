package dev.latchkey.connections.control;

import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;
import java.util.Locale;

/**
 * A provider as installed: its factory (the description), its provider, where it came from,
 * and the settings it was created with.
 */
public record InstalledProvider(ProviderFactory factory, Provider provider, String source, ProviderConfig config) {

    public String id() {
        return factory.id();
    }

    /** The scopes of {@code requested} that the catalog does not offer. */
    public List<String> unknownScopes(List<String> requested) {
        List<String> offered = factory.scopeCatalog().stream().map(ScopeInfo::name).toList();
        return requested.stream().filter(scope -> !offered.contains(scope)).toList();
    }

    /** Every OAuth authorization URL carries a client id: without one, connecting cannot start. */
    public void requireConfigured() {
        if (config.get(ProviderConfig.CLIENT_ID).isEmpty()) {
            String key = "latchkey.providers." + id() + "." + ProviderConfig.CLIENT_ID;
            String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            throw new ProviderNotConfiguredException(id() + " is installed but not configured: set " + key
                    + " (" + variable + ") and its client secret");
        }
    }
}
