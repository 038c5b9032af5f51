package dev.latchkey.connections.control;

import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/** A provider as installed: its factory (the description), its provider, and where it came from. */
public record InstalledProvider(ProviderFactory factory, Provider provider, String source) {

    public String id() {
        return factory.id();
    }

    /** The scopes of {@code requested} that the catalog does not offer. */
    public List<String> unknownScopes(List<String> requested) {
        List<String> offered = factory.scopeCatalog().stream().map(ScopeInfo::name).toList();
        return requested.stream().filter(scope -> !offered.contains(scope)).toList();
    }
}
