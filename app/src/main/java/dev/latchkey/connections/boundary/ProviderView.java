package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.InstalledProvider;
import dev.latchkey.connections.control.MissingSetting;
import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An installed provider and its scope catalog; {@code configured} says whether a connection
 * can start, and {@code missingSettings} what the operator still has to set.
 */
@Schema(description = "A provider plugin and whether it is ready (configured, or which settings are missing)")
public record ProviderView(String id, String name, String source, boolean configured,
                           List<MissingSetting> missingSettings, Capabilities capabilities,
                           List<String> defaultScopes, List<ScopeInfo> scopes) {

    public static ProviderView of(InstalledProvider installed) {
        var factory = installed.factory();
        return new ProviderView(factory.id(), factory.displayName(), installed.source(), installed.configured(),
                installed.missingSettings(), factory.capabilities(), factory.defaultScopes(), factory.scopeCatalog());
    }
}
