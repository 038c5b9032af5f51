package dev.latchkey.providers.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDirectoryTest {

    @TempDir
    Path plugins;

    @Test
    void readsEveryJsonFileInNameOrderAndReportsABadOneWithoutHidingTheOthers() throws Exception {
        Files.writeString(plugins.resolve("tinyco.json"), ProfileReaderTest.FULL);
        Files.writeString(plugins.resolve("mini.json"), ProfileReaderTest.MINIMAL.formatted(", \"colour\": \"red\""));
        Files.writeString(plugins.resolve("readme.txt"), "not a profile");
        Files.write(plugins.resolve("some-plugin.jar"), new byte[]{1, 2, 3});
        Files.createDirectories(plugins.resolve("nested.json"));

        List<ProfileDirectory.Found> found = ProfileDirectory.read(plugins);

        assertEquals(List.of("mini.json", "tinyco.json"), found.stream().map(f -> f.file().getFileName().toString()).toList());
        assertFalse(found.get(0).usable());
        assertTrue(found.get(0).problem().startsWith("mini.json: unknown field \"colour\""), found.get(0).problem());
        assertTrue(found.get(1).usable());
        assertEquals("tinyco", found.get(1).factory().id());
        assertEquals("tinyco.json", found.get(1).factory().file().origin());
    }

    @Test
    void aMissingDirectoryHoldsNoProfiles() {
        assertEquals(List.of(), ProfileDirectory.read(plugins.resolve("absent")));
    }
}
