package dev.latchkey.startup.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    @Test
    void saysWhereEverythingIsAndWhereTheTokenWasWritten() {
        String text = new StartupBanner("http://127.0.0.1:9090", false, "H2 file /d/latchkey.mv.db", Path.of("/d"),
                "/d/master.key (id mk_1)", List.of("github", "spotify (not configured)"), "t_1 with owner a@b",
                Path.of("/d/bootstrap-token"), null, null).text();
        for (String expected : List.of("http://127.0.0.1:9090", "LATCHKEY_PUBLIC_URL unset",
                "console         http://127.0.0.1:9090/console/", "API reference http://127.0.0.1:9090/docs", "H2 file /d/latchkey.mv.db",
                "data directory  /d", "/d/master.key (id mk_1)", "github, spotify (not configured)",
                "bootstrapped team t_1 with owner a@b", "/d/bootstrap-token (0600)", "LATCHKEY_LOG_STARTUP=verbose")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        assertFalse(text.contains("owner recovery"));
    }

    @Test
    void aRecoveryIsAnnouncedByTheFileItWroteAndAsksForTheSettingToBeRemoved() {
        String text = new StartupBanner("https://keys.example.com", true, "MariaDB db:3306/latchkey as latchkey",
                Path.of("/d"), "from LATCHKEY_MASTER_KEY (id mk_1)", List.of(), null, null,
                Path.of("/d/recovery-token"), "o@example.com").text();
        assertTrue(text.contains("a token for o@example.com is in /d/recovery-token (0600); unset LATCHKEY_RECOVER_OWNER"),
                text);
        assertFalse(text.contains("LATCHKEY_PUBLIC_URL unset"));
        assertFalse(text.contains("bootstrapped"));
    }
}
