package com.example.sampleco;

import dev.latchkey.providers.testkit.ProviderContract;

/** SampleCo passes the contract every provider passes, against Latchkey's fake OAuth server. */
class SampleCoContractTest extends ProviderContract {

    @Override
    protected String providerId() {
        return "sampleco";
    }
}
