package com.example.sampleco;

import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** The standard provider, plus SampleCo's one quirk: its API wants its versioned media type. */
final class SampleCoProvider extends OAuthProvider {

    static final String MEDIA_TYPE = "application/vnd.sampleco+json; version=2";

    SampleCoProvider(OAuthProfile profile, ProviderConfig config, HttpClient http) {
        super(profile, config, http);
    }

    @Override
    protected HttpRequest.Builder accountRequest(URI uri, TokenSet current) {
        return super.accountRequest(uri, current).setHeader("Accept", MEDIA_TYPE);
    }
}
