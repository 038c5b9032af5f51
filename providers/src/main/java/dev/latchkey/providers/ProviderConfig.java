package dev.latchkey.providers;

import java.util.Map;
import java.util.Optional;

/**
 * A provider's settings, {@code latchkey.providers.<id>.<key>} in Latchkey's configuration
 * (for example {@code LATCHKEY_PROVIDERS_GITHUB_CLIENT_ID}). Keys here are the part after the
 * provider id: {@code client-id}, {@code client-secret}, {@code authorize-url}, …
 */
public final class ProviderConfig {

    public static final String CLIENT_ID = "client-id";
    public static final String CLIENT_SECRET = "client-secret";

    private final String providerId;
    private final Map<String, String> values;

    public ProviderConfig(String providerId, Map<String, String> values) {
        this.providerId = providerId;
        this.values = Map.copyOf(values);
    }

    public String providerId() {
        return providerId;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** The OAuth client id, or an empty string when none is configured (connecting then fails clearly). */
    public String clientId() {
        return get(CLIENT_ID, "");
    }

    public String clientSecret() {
        return get(CLIENT_SECRET, "");
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + providerId + ", keys=" + values.keySet() + "]";
    }
}
