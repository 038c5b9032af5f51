package dev.latchkey.providers.testkit;

import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/** A provider that follows the standard exactly: nothing but a profile. */
public final class StandardProviderFactory extends OAuthProviderFactory {

    public StandardProviderFactory() {
        super(OAuthProfile.builder("standard", "Standard OAuth")
                .authorizationUrl("https://standard.example/oauth/authorize")
                .tokenUrl("https://standard.example/oauth/token")
                .revocationUrl("https://standard.example/oauth/revoke")
                .accountUrl("https://standard.example/api/me", "/id", "/name")
                .clientAuthentication(ClientAuthentication.BASIC)
                .pkce(true)
                .refreshRotation(RefreshRotation.MAY_ROTATE)
                .scopes(List.of(new ScopeInfo("read", "Read everything.")))
                .defaultScopes(List.of("read"))
                .build());
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }
}
