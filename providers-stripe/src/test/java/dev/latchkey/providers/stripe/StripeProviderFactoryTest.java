package dev.latchkey.providers.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StripeProviderFactoryTest {

    private final StripeProviderFactory factory = new StripeProviderFactory();

    @Test
    void serviceLoaderFindsTheFactoryUnderIdStripe() {
        List<ProviderFactory> found = ServiceLoader.load(ProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("stripe")).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof StripeProviderFactory);
        assertEquals("Stripe", found.get(0).displayName());
    }

    @Test
    void catalogOffersExactlyReadWriteAndReadOnlyEachDescribed() {
        List<String> names = factory.scopeCatalog().stream().map(ScopeInfo::name).toList();
        assertEquals(List.of("read_write", "read_only"), names);
        for (ScopeInfo scope : factory.scopeCatalog()) {
            assertFalse(scope.description().isBlank(), scope.name());
            assertFalse(scope.description().contains("\n"), scope.name());
        }
    }

    @Test
    void defaultScopeIsReadWriteAndInTheCatalog() {
        assertEquals(List.of("read_write"), factory.defaultScopes());
        List<String> names = factory.scopeCatalog().stream().map(ScopeInfo::name).toList();
        assertTrue(names.containsAll(factory.defaultScopes()));
    }

    @Test
    void capabilitiesAreNoPkceRefreshAndRevokingTheWholeAccountOnly() {
        assertEquals(new Capabilities(false, true, false, true), factory.capabilities());
    }

    @Test
    void withoutUrlOverridesTheProviderUsesStripesRealAuthorizeEndpoint() {
        URI url = FakeStripe.provider(Map.of("client-id", "ca_x", "client-secret", "sk_test_x")).authorizationUrl(
                new AuthorizationRequest("s", URI.create("https://latchkey.example/callback"), List.of(), null));
        assertTrue(url.toString().startsWith("https://connect.stripe.com/oauth/authorize?"), url.toString());
    }

    @Test
    void endpointsDefaultToStripesRealHosts() {
        StripeEndpoints endpoints = StripeEndpoints.from(new ProviderConfig("stripe", Map.of()));
        assertEquals(URI.create("https://connect.stripe.com/oauth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://connect.stripe.com/oauth/deauthorize"), endpoints.deauthorizeUrl());
        assertEquals(URI.create("https://api.stripe.com/v1/account"), endpoints.account());
    }

    @Test
    void apiUrlOverrideWithTrailingSlashStillReachesV1Account() {
        StripeEndpoints endpoints = StripeEndpoints.from(new ProviderConfig("stripe",
                Map.of("api-url", "http://127.0.0.1:9/")));
        assertEquals(URI.create("http://127.0.0.1:9/v1/account"), endpoints.account());
    }
}
