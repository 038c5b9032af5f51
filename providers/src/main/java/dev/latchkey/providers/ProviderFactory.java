package dev.latchkey.providers;

import java.net.http.HttpClient;
import java.util.List;

/**
 * Describes one provider and creates its {@link Provider}. Implementations are registered
 * in {@code META-INF/services/dev.latchkey.providers.ProviderFactory} and found with
 * {@link java.util.ServiceLoader}; they must have a public no-argument constructor and be
 * cheap to construct (no I/O).
 *
 * <p>Latchkey refuses a factory whose {@link #spiVersion()} it does not support, with one line
 * in its log. Most providers extend {@link OAuthProviderFactory} with an {@link OAuthProfile}.
 */
public interface ProviderFactory {

    /**
     * The SPI version this SPI is: {@value}. A compile-time constant, so {@code return SPI_VERSION;}
     * in a plugin keeps the version the plugin was compiled against.
     */
    String SPI_VERSION = "1.0";

    /**
     * The SPI version this factory was written for, {@code "1.0"} ({@code return SPI_VERSION;}).
     * Latchkey loads a factory whose major version equals its own and whose minor version is not
     * newer; it refuses any other with one clear line. Deliberately abstract in every SPI base
     * class, so each plugin declares its own.
     */
    String spiVersion();

    /** A stable, unique, lower-case id such as {@code github}; used in URLs and configuration. */
    String id();

    /** A human name such as {@code GitHub}. */
    String displayName();

    /** Every scope this provider offers, with a one-line description in Latchkey's words. */
    List<ScopeInfo> scopeCatalog();

    /** The scopes requested when a connection names none. */
    List<String> defaultScopes();

    /** What the provider supports: PKCE, refresh, revocation of a connection or of a whole account. */
    Capabilities capabilities();

    /**
     * Creates the provider for one configuration. Called once at startup per provider.
     *
     * @param config the provider's settings ({@code latchkey.providers.<id>.*}); every URL the
     *               provider calls must be overridable here so tests can use a local fake
     * @param http   the HTTP client to use for every call
     */
    Provider create(ProviderConfig config, HttpClient http);

    /**
     * The settings this provider reads ({@code latchkey.providers.<id>.<name>}), shown by
     * {@code GET /v1/providers}; connecting needs every required one. By default the client id
     * and secret.
     */
    default List<Setting> settings() {
        return List.of(Setting.CLIENT_ID, Setting.CLIENT_SECRET);
    }
}
