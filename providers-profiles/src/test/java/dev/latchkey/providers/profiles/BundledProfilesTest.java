package dev.latchkey.providers.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BundledProfilesTest {

    @Test
    void serviceLoaderFindsEveryShippedProfileAndNothingElse() {
        List<String> found = ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f instanceof ShippedProfile).map(ProviderFactory::id).sorted().toList();
        assertEquals(BundledProfiles.IDS.stream().sorted().toList(), found);
    }

    @Test
    void everyShippedProfileIsCompleteAndCitesItsSources() {
        assertTrue(BundledProfiles.IDS.size() >= 10, "at least ten shipped profiles");
        for (ProfileFile file : BundledProfiles.all()) {
            OAuthProfile p = file.profile();
            assertEquals(file.origin(), p.id() + ".json", "the id is the file name");
            assertFalse(file.sources().isEmpty(), p.id() + " cites its sources");
            assertTrue(file.sources().stream().allMatch(s -> s.startsWith("https://")), p.id() + " sources are https");
            assertTrue(p.authorizationUrl().startsWith("https://") && p.tokenUrl().startsWith("https://"), p.id());
            assertTrue(p.accountUrl() != null && p.accountUrl().startsWith("https://"), p.id() + " reads its account");
            assertTrue(p.accountName() != null, p.id() + " reads a readable account name");
            assertFalse(p.defaultScopes().isEmpty(), p.id() + " has default scopes");
            assertTrue(p.scopes().size() >= 4, p.id() + " offers a handful of scopes");
            for (ScopeInfo scope : p.scopes()) {
                assertTrue(scope.description().endsWith("."), p.id() + " " + scope.name() + ": a sentence");
            }
        }
    }

    @Test
    void theGuideListsEveryShippedProfileWithItsBehaviour() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/writing-a-provider.md"));
        for (ProfileFile file : BundledProfiles.all()) {
            OAuthProfile p = file.profile();
            String row = "| `" + p.id() + "` | ";
            int at = guide.indexOf(row);
            assertTrue(at >= 0, "docs/writing-a-provider.md lists " + p.id());
            String line = guide.substring(at, guide.indexOf('\n', at));
            assertTrue(line.contains("| " + p.clientAuthentication().name().toLowerCase() + " | " + (p.pkce() ? "yes" : "no")
                    + " | " + p.refreshRotation().name().toLowerCase().replace("may_rotate", "may rotate") + " |"), line);
        }
    }

    @Test
    void eachShippedFactoryPublishesItsProfile() {
        ProviderFactory gitlab = new dev.latchkey.providers.profiles.shipped.GitLab();
        assertEquals("gitlab", gitlab.id());
        assertEquals("GitLab", gitlab.displayName());
        assertTrue(gitlab.capabilities().pkce());
        assertTrue(gitlab.capabilities().refresh());
        assertTrue(gitlab.capabilities().revoke());
        assertEquals(ProviderFactory.SPI_VERSION, gitlab.spiVersion());
        assertTrue(gitlab.settings().stream().anyMatch(s -> s.name().equals("token-url")), "URLs overridable");
    }
}
