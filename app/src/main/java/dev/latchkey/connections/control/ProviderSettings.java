package dev.latchkey.connections.control;

import dev.latchkey.providers.ProviderConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * A provider's configuration: every {@code latchkey.providers.<id>.<key>} property, whether
 * given as a property or as the environment variable {@code LATCHKEY_PROVIDERS_<ID>_<KEY>}
 * (where {@code _} in the key stands for {@code -}: {@code LATCHKEY_PROVIDERS_GITHUB_CLIENT_ID}
 * is {@code client-id}). Provider ids are lower-case letters and digits, so this is unambiguous.
 */
final class ProviderSettings {

    private ProviderSettings() {
    }

    static ProviderConfig of(String providerId, Config config) {
        String dotted = "latchkey.providers." + providerId + ".";
        String environment = "LATCHKEY_PROVIDERS_" + providerId.toUpperCase(Locale.ROOT) + "_";
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String key = null;
            if (name.startsWith(dotted)) {
                key = name.substring(dotted.length());
            } else if (name.startsWith(environment)) {
                key = name.substring(environment.length()).toLowerCase(Locale.ROOT).replace('_', '-');
            }
            if (key != null && !key.isEmpty()) {
                String found = key;
                config.getOptionalValue(name, String.class).ifPresent(value -> values.putIfAbsent(found, value));
            }
        }
        return new ProviderConfig(providerId, values);
    }
}
