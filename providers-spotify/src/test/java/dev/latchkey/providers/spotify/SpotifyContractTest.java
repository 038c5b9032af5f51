package dev.latchkey.providers.spotify;

import dev.latchkey.providers.testkit.FakeOAuthServer;
import dev.latchkey.providers.testkit.ProviderContract;
import java.util.Map;

/** Spotify passes the provider contract, with its account at the Web API's {@code /v1/me}. */
class SpotifyContractTest extends ProviderContract {

    @Override
    protected String providerId() {
        return SpotifyProviderFactory.ID;
    }

    @Override
    protected void configure(FakeOAuthServer fake) {
        super.configure(fake);
        fake.account("/v1/me", "{\"id\":\"acct-1\",\"display_name\":\"Ada\"}");
    }

    @Override
    protected Map<String, String> settings(FakeOAuthServer fake) {
        Map<String, String> settings = super.settings(fake);
        settings.remove("account-url");
        settings.put(SpotifyProviderFactory.API_URL, fake.url("/"));
        return settings;
    }
}
