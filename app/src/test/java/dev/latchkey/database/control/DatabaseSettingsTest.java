package dev.latchkey.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void theEmbeddedDatabaseIsDescribedByItsFile() {
        assertEquals("H2 file /srv/latchkey/data/latchkey.mv.db",
                DatabaseSettings.embedded(new DataDirectory(Path.of("/srv/latchkey/data"))).describe());
    }

    @Test
    void mariadbIsDescribedByHostDatabaseAndUserButNeverThePassword() {
        var settings = new DatabaseSettings("jdbc:mariadb://db.internal:3306/latchkey?password=hunter2&useSsl=true",
                "latchkey", "s3cret");
        assertEquals("MariaDB db.internal:3306/latchkey as latchkey", settings.describe());
    }
}
