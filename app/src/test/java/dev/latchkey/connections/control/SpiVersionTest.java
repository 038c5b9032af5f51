package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void onlyTheSpiPackageItselfIsShownToPlugins() {
        assertTrue(SpiOnlyClassLoader.isSpi("dev.latchkey.providers.OAuthProvider"));
        assertFalse(SpiOnlyClassLoader.isSpi("dev.latchkey.providers.github.GitHubProvider"));
        assertFalse(SpiOnlyClassLoader.isSpi("dev.latchkey.connections.control.ProviderRegistry"));
        assertFalse(SpiOnlyClassLoader.isSpi("org.json.JSONObject"));
    }
}
