package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpiVersionTest {

    @Test
    void theSameMajorUpToTheRunningMinorIsLoaded() {
        assertTrue(SpiVersion.compatible("1.0", "1.0"));
        assertTrue(SpiVersion.compatible("1.0", "1.2"));
        assertFalse(SpiVersion.compatible("1.3", "1.2"), "a plugin for a newer minor may call what is not there");
        assertFalse(SpiVersion.compatible("2.0", "1.0"));
        assertFalse(SpiVersion.compatible("0.9", "1.0"));
        assertFalse(SpiVersion.compatible(null, "1.0"));
        assertFalse(SpiVersion.compatible("one", "1.0"));
    }

    @Test
    void aPluginsParentLoaderHandsOutTheSpiAndTheJdkAndNothingElse() throws Exception {
        ClassLoader app = SpiVersionTest.class.getClassLoader();
        ClassLoader spiOnly = new SpiOnlyClassLoader(app);
        assertSame(app.loadClass("dev.latchkey.providers.OAuthProvider"), spiOnly.loadClass("dev.latchkey.providers.OAuthProvider"),
                "the plugin and Latchkey share one SPI class");
        assertSame(java.net.http.HttpClient.class, spiOnly.loadClass("java.net.http.HttpClient"));
        for (String hidden : new String[] {"org.json.JSONObject", "dev.latchkey.connections.control.ProviderRegistry",
                "dev.latchkey.providers.github.GitHubProvider"}) {
            app.loadClass(hidden);
            assertThrows(ClassNotFoundException.class, () -> spiOnly.loadClass(hidden), hidden);
        }
        assertNull(spiOnly.getResource("META-INF/services/dev.latchkey.providers.ProviderFactory"),
                "Latchkey's own service registrations stay invisible, so a plugin jar lists only its own providers");
        assertFalse(spiOnly.getResources("META-INF/services/dev.latchkey.providers.ProviderFactory").hasMoreElements());
    }

    @Test
    void onlyTheSpiPackageItselfIsShownToPlugins() {
        assertTrue(SpiOnlyClassLoader.isSpi("dev.latchkey.providers.OAuthProvider"));
        assertFalse(SpiOnlyClassLoader.isSpi("dev.latchkey.providers.github.GitHubProvider"));
        assertFalse(SpiOnlyClassLoader.isSpi("dev.latchkey.connections.control.ProviderRegistry"));
        assertFalse(SpiOnlyClassLoader.isSpi("org.json.JSONObject"));
    }
}
