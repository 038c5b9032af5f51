package dev.latchkey.futureplugin;

import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;

/** A plugin written for a provider SPI this Latchkey does not run (2.0): it must be refused with one line. */
public class FutureProviderFactory extends OAuthProviderFactory {

    public FutureProviderFactory() {
        super(OAuthProfile.builder("future", "Future").authorizationUrl("https://future.example/authorize")
                .tokenUrl("https://future.example/token").build());
    }

    @Override
    public String spiVersion() {
        return "2.0";
    }
}
