package dev.latchkey.providers.github;

import dev.latchkey.providers.testkit.FakeOAuthServer;
import dev.latchkey.providers.testkit.ProviderContract;
import java.util.Map;

/** GitHub passes the provider contract, with its account at the REST API's {@code /user}. */
class GitHubContractTest extends ProviderContract {

    @Override
    protected String providerId() {
        return GitHubProviderFactory.ID;
    }

    @Override
    protected void configure(FakeOAuthServer fake) {
        super.configure(fake);
        fake.account("/user", "{\"id\":583231,\"login\":\"octocat\"}")
                .revocationPath("/applications/" + fake.clientId() + "/token");
    }

    @Override
    protected Map<String, String> settings(FakeOAuthServer fake) {
        Map<String, String> settings = super.settings(fake);
        settings.remove("account-url");
        settings.put(GitHubProviderFactory.API_URL, fake.url(""));
        return settings;
    }

    @Override
    protected String expectedAccountId() {
        return "583231";
    }
}
