package dev.latchkey.providers.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.providers.ClientAuthentication;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The contract's secret check fails for a provider whose errors are not scrubbed. */
class ContractCatchesLeaksTest {

    @Test
    void aProviderWithoutTheSpisScrubbingFailsTheSecretCheck() {
        ProviderContract contract = new ProviderContract() {
            @Override
            protected String providerId() {
                return "leaky";
            }

            @Override
            protected void configure(FakeOAuthServer fake) {
                fake.clientAuthentication(ClientAuthentication.BASIC);
            }
        };
        contract.startFake();
        try {
            assertThrows(AssertionFailedError.class, contract::noExceptionNamesASecret);
        } finally {
            contract.stopFake();
        }
    }
}
