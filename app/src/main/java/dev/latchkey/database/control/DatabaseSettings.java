package dev.latchkey.database.control;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which database to use. {@code latchkey.db.url} ({@code LATCHKEY_DB_URL}) with
 * {@code latchkey.db.user} and {@code latchkey.db.password} select MariaDB, the production
 * database; without a URL an H2 file database under the data directory is used.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DataDirectory.class.getClassLoader());
        return config.getOptionalValue("latchkey.db.url", String.class)
                .filter(url -> !url.isBlank())
                .map(url -> new DatabaseSettings(url,
                        config.getOptionalValue("latchkey.db.user", String.class).orElse(""),
                        config.getOptionalValue("latchkey.db.password", String.class).orElse("")))
                .orElseGet(() -> embedded(DataDirectory.fromConfig()));
    }

    static DatabaseSettings embedded(DataDirectory dataDirectory) {
        String file = dataDirectory.resolve("latchkey").toString();
        return new DatabaseSettings("jdbc:h2:file:" + file + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0", "sa", "");
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /**
     * Which database, for people: the H2 file, or MariaDB's host and database with the user; never
     * the password nor the URL's parameters (which may hold it).
     */
    public String describe() {
        if (isEmbedded()) {
            String file = url.substring("jdbc:h2:file:".length()).replaceAll(";.*", "");
            return "H2 file " + file + ".mv.db";
        }
        String where = url.replaceFirst("^jdbc:[a-z]+://", "").replaceAll("[?;].*", "");
        String product = url.startsWith("jdbc:mysql:") ? "MySQL " : "MariaDB ";
        return product + where + (user.isEmpty() ? "" : " as " + user);
    }

    @Override
    public String toString() {
        // Never the password.
        return "DatabaseSettings[" + url.replaceAll("password=[^&;]*", "password=***") + "]";
    }
}
