package dev.latchkey.providers.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.Capabilities;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GitHubProviderFactoryTest {

    private final GitHubProviderFactory factory = new GitHubProviderFactory();

    @Test
    void serviceLoaderFindsTheFactoryUnderIdGithub() {
        List<ProviderFactory> found = ServiceLoader.load(ProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> "github".equals(f.id())).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof GitHubProviderFactory);
        assertEquals("GitHub", found.get(0).displayName());
    }

    @Test
    void capabilitiesAreS256PkceRefreshAndBothKindsOfRevocation() {
        assertEquals(new Capabilities(true, true, true, true), factory.capabilities());
    }

    @Test
    void defaultScopesAreEmptyBecauseGithubGrantsPublicReadOnlyAccessWithoutAScope() {
        assertEquals(List.of(), factory.defaultScopes());
    }

    @Test
    void catalogListsEachScopeOnceWithAOneLineDescription() {
        List<ScopeInfo> catalog = factory.scopeCatalog();
        Set<String> names = new HashSet<>();
        for (ScopeInfo scope : catalog) {
            assertTrue(names.add(scope.name()), "duplicate " + scope.name());
            assertFalse(scope.description().isBlank(), scope.name());
            assertFalse(scope.description().contains("\n"), scope.name());
        }
        assertTrue(names.containsAll(Set.of("repo", "public_repo", "read:user", "user:email", "gist", "workflow",
                "read:org", "admin:repo_hook", "delete_repo", "site_admin")));
        assertEquals(39, catalog.size());
    }

    @Test
    void createDoesNoNetworkCallAndDefaultsToGithubDotCom() {
        Provider provider = factory.create(new ProviderConfig("github", Map.of("client-id", "Ov23liX")),
                HttpClient.newHttpClient());
        URI url = provider.authorizationUrl(new AuthorizationRequest("s", URI.create("http://127.0.0.1:1/cb"),
                List.of(), null));
        assertTrue(url.toString().startsWith("https://github.com/login/oauth/authorize?"), url.toString());
    }

    @Test
    void endpointsDefaultToTheRealUrlsAndStripATrailingSlashFromTheApiUrl() {
        GitHubEndpoints defaults = GitHubEndpoints.from(new ProviderConfig("github", Map.of()));
        assertEquals(URI.create("https://github.com/login/oauth/access_token"), defaults.tokenUrl());
        assertEquals(URI.create("https://api.github.com/user"), defaults.user());
        assertEquals(URI.create("https://api.github.com/applications/Iv1.abc/grant"), defaults.grant("Iv1.abc"));
        assertEquals(URI.create("https://api.github.com/applications/Iv1.abc/token"), defaults.token("Iv1.abc"));

        GitHubEndpoints enterprise = GitHubEndpoints.from(new ProviderConfig("github",
                Map.of("api-url", "https://ghe.example/api/v3/")));
        assertEquals(URI.create("https://ghe.example/api/v3/user"), enterprise.user());
    }

    @Test
    void catalogDescriptionsAreNotCopiedFromGithubDocs() {
        Set<String> ours = factory.scopeCatalog().stream().map(ScopeInfo::description).collect(Collectors.toSet());
        assertFalse(ours.contains("Fully manage public keys."));
        assertFalse(ours.contains("Write access to gists."));
    }
}
