package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.InstalledProvider;
import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/** An installed provider and its scope catalog. */
public record ProviderView(String id, String name, String source, Capabilities capabilities,
                           List<String> defaultScopes, List<ScopeInfo> scopes) {

    public static ProviderView of(InstalledProvider installed) {
        var factory = installed.factory();
        return new ProviderView(factory.id(), factory.displayName(), installed.source(), factory.capabilities(),
                factory.defaultScopes(), factory.scopeCatalog());
    }
}
