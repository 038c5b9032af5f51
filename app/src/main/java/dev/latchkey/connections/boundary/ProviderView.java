package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.InstalledProvider;
import dev.latchkey.connections.control.MissingSetting;
import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An installed provider and its scope catalog; {@code configured} says whether a connection
 * can start, and {@code missingSettings} what the operator still has to set; {@code settings}
 * lists every setting the provider reads (never a value), and {@code spiVersion} the provider SPI
 * version it was written for.
 */
@Schema(description = "A provider plugin and whether it is ready (configured, or which settings are missing)")
public record ProviderView(String id, String name, String source, boolean configured,
                           List<MissingSetting> missingSettings, Capabilities capabilities,
                           List<String> defaultScopes, List<ScopeInfo> scopes, String spiVersion,
                           List<SettingView> settings) {

    /** One setting a provider reads, whether it is set, and under which property and environment variable. */
    @Schema(description = "A provider setting: what it is for, whether connecting needs it, whether it is secret and set (never its value)")
    public record SettingView(String name, String description, boolean required, boolean secret, boolean set,
                              String property, String environmentVariable) {
    }

    public static ProviderView of(InstalledProvider installed) {
        var factory = installed.factory();
        List<SettingView> settings = factory.settings().stream().map(s -> {
            MissingSetting names = MissingSetting.of(factory.id(), s.name());
            return new SettingView(s.name(), s.description(), s.required(), s.secret(), installed.isSet(s.name()),
                    names.property(), names.environmentVariable());
        }).toList();
        return new ProviderView(factory.id(), factory.displayName(), installed.source(), installed.configured(),
                installed.missingSettings(), factory.capabilities(), factory.defaultScopes(), factory.scopeCatalog(),
                factory.spiVersion(), settings);
    }
}
