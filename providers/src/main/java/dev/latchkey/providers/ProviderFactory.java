package dev.latchkey.providers;

import java.net.http.HttpClient;
import java.util.List;

/**
 * Describes one provider and creates its {@link Provider}. Implementations are registered
 * in {@code META-INF/services/dev.latchkey.providers.ProviderFactory} and found with
 * {@link java.util.ServiceLoader}; they must have a public no-argument constructor and be
 * cheap to construct (no I/O).
 */
public interface ProviderFactory {

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
}
