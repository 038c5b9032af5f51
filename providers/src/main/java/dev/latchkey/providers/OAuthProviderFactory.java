package dev.latchkey.providers;

import java.net.http.HttpClient;
import java.util.List;

/**
 * A {@link ProviderFactory} for a provider described by an {@link OAuthProfile}: it publishes the
 * profile (id, name, scopes, capabilities, settings) and creates an {@link OAuthProvider}, or the
 * subclass {@link #newProvider} returns, wrapped in a {@link ScrubbingProvider}. A standard
 * provider is a profile and {@code spiVersion()}:
 * <pre>{@code
 * public final class AcmeProviderFactory extends OAuthProviderFactory {
 *     public AcmeProviderFactory() {
 *         super(OAuthProfile.builder("acme", "Acme").authorizationUrl("https://acme.example/oauth/authorize")
 *                 .tokenUrl("https://acme.example/oauth/token").build());
 *     }
 *     public String spiVersion() { return SPI_VERSION; }
 * }
 * }</pre>
 */
public abstract class OAuthProviderFactory implements ProviderFactory {

    private final OAuthProfile profile;

    protected OAuthProviderFactory(OAuthProfile profile) {
        this.profile = profile;
    }

    public final OAuthProfile profile() {
        return profile;
    }

    /**
     * Abstract on purpose: inherited from the running SPI it would always match, so each plugin
     * declares the version it was written for ({@code return SPI_VERSION;}).
     */
    @Override
    public abstract String spiVersion();

    @Override
    public String id() {
        return profile.id();
    }

    @Override
    public String displayName() {
        return profile.displayName();
    }

    @Override
    public List<ScopeInfo> scopeCatalog() {
        return profile.scopes();
    }

    @Override
    public List<String> defaultScopes() {
        return profile.defaultScopes();
    }

    @Override
    public Capabilities capabilities() {
        return profile.capabilities();
    }

    @Override
    public List<Setting> settings() {
        return profile.settings();
    }

    @Override
    public final Provider create(ProviderConfig config, HttpClient http) {
        return ScrubbingProvider.wrap(newProvider(config, http), config, settings());
    }

    /** The provider for one configuration; the standard {@link OAuthProvider} by default. */
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new OAuthProvider(profile, config, http);
    }
}
