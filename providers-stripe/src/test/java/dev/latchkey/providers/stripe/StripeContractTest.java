package dev.latchkey.providers.stripe;

import dev.latchkey.providers.testkit.FakeOAuthServer;
import dev.latchkey.providers.testkit.ProviderContract;
import java.util.Map;

/** Stripe passes the provider contract: the account is {@code stripe_user_id}, read at {@code /v1/account}. */
class StripeContractTest extends ProviderContract {

    @Override
    protected String providerId() {
        return StripeProviderFactory.ID;
    }

    @Override
    protected void configure(FakeOAuthServer fake) {
        super.configure(fake);
        fake.tokenResponseMember(StripeProvider.STRIPE_USER_ID, "acct-1").expiresIn(null)
                .account("/v1/account", "{\"id\":\"acct-1\",\"object\":\"account\"}");
    }

    @Override
    protected Map<String, String> settings(FakeOAuthServer fake) {
        Map<String, String> settings = super.settings(fake);
        settings.remove("account-url");
        settings.put(StripeProviderFactory.API_URL, fake.url(""));
        return settings;
    }
}
