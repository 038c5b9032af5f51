package dev.latchkey.database.control;

import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long Latchkey waits for MariaDB: {@code latchkey.db.connect-timeout-ms} (2000) to open a
 * connection and {@code latchkey.db.socket-timeout-ms} (3000) for any answer on an open one, so
 * a stopped or frozen database costs a request seconds, not minutes. They are added to the JDBC
 * URL as {@code connectTimeout} and {@code socketTimeout} unless the URL sets them itself.
 */
public record DatabaseTimeouts(int connectMillis, int socketMillis) {

    public static DatabaseTimeouts fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseTimeouts.class.getClassLoader());
        return new DatabaseTimeouts(
                config.getOptionalValue("latchkey.db.connect-timeout-ms", Integer.class).orElse(2000),
                config.getOptionalValue("latchkey.db.socket-timeout-ms", Integer.class).orElse(3000));
    }

    /** The same connect timeout, another socket timeout (0: wait for ever). */
    public DatabaseTimeouts withSocketMillis(int millis) {
        return new DatabaseTimeouts(connectMillis, millis);
    }

    /** {@code url} with both timeouts, each unless the URL already names it. */
    public String applyTo(String url) {
        return withOption(withOption(url, "connectTimeout", connectMillis), "socketTimeout", socketMillis);
    }

    private static String withOption(String url, String name, int value) {
        if (Pattern.compile("[?&]" + name + "=", Pattern.CASE_INSENSITIVE).matcher(url).find()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
