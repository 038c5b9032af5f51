package dev.latchkey.providers.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceProviderFactoryTest {

    private final SalesforceProviderFactory factory = new SalesforceProviderFactory();

    private static ProviderConfig config(Map<String, String> values) {
        return new ProviderConfig("salesforce", values);
    }

    @Test
    void serviceLoaderFindsTheFactoryUnderIdSalesforce() {
        List<ProviderFactory> found = ServiceLoader.load(ProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("salesforce")).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof SalesforceProviderFactory);
        assertEquals("Salesforce", found.get(0).displayName());
    }

    @Test
    void capabilitiesArePkceRefreshAndRevoke() {
        assertEquals(new Capabilities(true, true, true), factory.capabilities());
    }

    @Test
    void defaultScopesAskForApiAndARefreshToken() {
        assertEquals(List.of("api", "refresh_token"), factory.defaultScopes());
    }

    @Test
    void catalogHasEveryDefaultScopeUniqueNamesAndOneLineDescriptions() {
        Set<String> names = new HashSet<>();
        for (ScopeInfo scope : factory.scopeCatalog()) {
            assertTrue(names.add(scope.name()), "duplicate " + scope.name());
            assertFalse(scope.description().isBlank(), scope.name());
            assertFalse(scope.description().contains("\n"), scope.name());
        }
        assertTrue(names.containsAll(factory.defaultScopes()));
        assertTrue(names.containsAll(List.of("offline_access", "full", "openid", "id", "web")));
    }

    @Test
    void defaultEndpointsAreOnLoginSalesforceCom() {
        SalesforceEndpoints endpoints = SalesforceEndpoints.from(config(Map.of()));
        assertEquals("https://login.salesforce.com", endpoints.loginUrl());
        assertEquals("https://login.salesforce.com/services/oauth2/authorize", endpoints.authorizeUrl());
        assertEquals(URI.create("https://login.salesforce.com/services/oauth2/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://login.salesforce.com/services/oauth2/revoke"), endpoints.revokeUrl());
    }

    @Test
    void sandboxEnvironmentUsesTestSalesforceCom() {
        SalesforceEndpoints endpoints = SalesforceEndpoints.from(config(Map.of("environment", "Sandbox")));
        assertEquals(URI.create("https://test.salesforce.com/services/oauth2/token"), endpoints.tokenUrl());
    }

    @Test
    void loginUrlWinsOverEnvironmentAndLosesItsTrailingSlash() {
        SalesforceEndpoints endpoints = SalesforceEndpoints.from(
                config(Map.of("environment", "sandbox", "login-url", "https://acme.my.salesforce.com/")));
        assertEquals("https://acme.my.salesforce.com/services/oauth2/authorize", endpoints.authorizeUrl());
        assertEquals(URI.create("https://acme.my.salesforce.com/services/oauth2/revoke"), endpoints.revokeUrl());
    }

    @Test
    void eachEndpointCanBeOverriddenAlone() {
        SalesforceEndpoints endpoints = SalesforceEndpoints.from(config(Map.of(
                "authorize-url", "https://a.example/auth",
                "token-url", "https://t.example/token",
                "revoke-url", "https://r.example/revoke")));
        assertEquals("https://a.example/auth", endpoints.authorizeUrl());
        assertEquals(URI.create("https://t.example/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://r.example/revoke"), endpoints.revokeUrl());
        assertEquals("https://login.salesforce.com", endpoints.loginUrl());
    }

    @Test
    void unknownEnvironmentFailsAtCreation() {
        assertThrows(IllegalArgumentException.class,
                () -> factory.create(config(Map.of("environment", "staging")), null));
    }

    @Test
    void sessionLifetimeDefaultsToTwoHoursAndMustBePositive() {
        assertEquals(Duration.ofHours(2), SalesforceProviderFactory.sessionLifetime(config(Map.of())));
        assertEquals(Duration.ofMinutes(15),
                SalesforceProviderFactory.sessionLifetime(config(Map.of("session-lifetime-seconds", "900"))));
        assertThrows(IllegalArgumentException.class,
                () -> SalesforceProviderFactory.sessionLifetime(config(Map.of("session-lifetime-seconds", "0"))));
        assertThrows(IllegalArgumentException.class,
                () -> SalesforceProviderFactory.sessionLifetime(config(Map.of("session-lifetime-seconds", "2h"))));
    }

    @Test
    void tokensMayGoToHttpsUrlsOrTheLoginHostOnly() {
        SalesforceEndpoints endpoints = SalesforceEndpoints.from(config(Map.of("login-url", "http://127.0.0.1:8123")));
        assertTrue(endpoints.mayReceiveToken("https://login.salesforce.com/id/00D/005"));
        assertTrue(endpoints.mayReceiveToken("http://127.0.0.1:8123/id/00D/005"));
        assertFalse(endpoints.mayReceiveToken("http://127.0.0.1:9999/id/00D/005"));
        assertFalse(endpoints.mayReceiveToken("http://evil.example/id/00D/005"));
        assertFalse(endpoints.mayReceiveToken("not a url"));
    }
}
