package com.example.sampleco;

import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.ScopeInfo;
import java.net.http.HttpClient;
import java.util.List;

/**
 * SampleCo, an imaginary API that follows OAuth 2.0 except for one thing: its API answers only
 * requests that ask for its versioned media type ({@link SampleCoProvider}). Everything else is
 * the profile below, run by the SPI's standard provider.
 */
public final class SampleCoProviderFactory extends OAuthProviderFactory {

    static final OAuthProfile PROFILE = OAuthProfile.builder("sampleco", "SampleCo")
            .authorizationUrl("https://sampleco.example/oauth/authorize")
            .tokenUrl("https://sampleco.example/oauth/token")
            .revocationUrl("https://sampleco.example/oauth/revoke")
            .accountUrl("https://api.sampleco.example/v1/me", "/id", "/name")
            .clientAuthentication(ClientAuthentication.BASIC)
            .pkce(true)
            .refreshRotation(RefreshRotation.ROTATES)
            .scopes(List.of(new ScopeInfo("read", "Read the account's documents."),
                    new ScopeInfo("write", "Create and change the account's documents.")))
            .defaultScopes(List.of("read"))
            .build();

    public SampleCoProviderFactory() {
        super(PROFILE);
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    protected Provider newProvider(ProviderConfig config, HttpClient http) {
        return new SampleCoProvider(profile(), config, http);
    }
}
