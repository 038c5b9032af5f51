package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.testkit.FakeOAuthServer;
import dev.latchkey.providers.testkit.ProviderContract;
import java.util.Map;

/**
 * Salesforce passes the provider contract: no {@code expires_in}, and the account read from the
 * identity URL that the token response names (on the login host, so a plain-HTTP fake may have it).
 */
class SalesforceContractTest extends ProviderContract {

    @Override
    protected String providerId() {
        return SalesforceProviderFactory.ID;
    }

    @Override
    protected void configure(FakeOAuthServer fake) {
        super.configure(fake);
        fake.expiresIn(null).tokenResponseMember("issued_at", "1700000000000")
                .tokenResponseMember(SalesforceProvider.IDENTITY_URL, fake.url("/id/00Dxx/005xx"))
                .account("/id/00Dxx/005xx", "{\"user_id\":\"acct-1\",\"username\":\"ada@example.com\"}");
    }

    @Override
    protected Map<String, String> settings(FakeOAuthServer fake) {
        Map<String, String> settings = super.settings(fake);
        settings.remove("account-url");
        settings.put(SalesforceProviderFactory.LOGIN_URL, fake.url(""));
        return settings;
    }
}
