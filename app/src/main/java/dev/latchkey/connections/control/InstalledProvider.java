package dev.latchkey.connections.control;

import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import dev.latchkey.providers.Setting;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * The required settings ({@link ProviderFactory#settings()}; by default the client id and secret)
     * that are unset or blank; empty when the provider is ready to connect.
     */
    public List<MissingSetting> missingSettings() {
        return factory.settings().stream().filter(Setting::required).map(Setting::name)
                .filter(key -> config.get(key).filter(value -> !value.isBlank()).isEmpty())
                .map(key -> MissingSetting.of(id(), key))
                .toList();
    }

    /** Whether the setting has a non-blank value (never the value itself). */
    public boolean isSet(String key) {
        return config.get(key).filter(value -> !value.isBlank()).isPresent();
    }

    public boolean configured() {
        return missingSettings().isEmpty();
    }

    /** Every OAuth authorization URL carries a client id and every code exchange the secret. */
    public void requireConfigured() {
        List<MissingSetting> missing = missingSettings();
        if (!missing.isEmpty()) {
            throw new ProviderNotConfiguredException(id() + " is installed but not configured: set "
                    + missing.stream().map(MissingSetting::toString).collect(Collectors.joining(" and ")));
        }
    }
}
