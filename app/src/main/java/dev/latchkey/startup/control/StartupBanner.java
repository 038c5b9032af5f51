package dev.latchkey.startup.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator needs after {@code java -jar latchkey.jar}, in a dozen lines: where Latchkey
 * answers, which database and data directory it uses, where the master key is, which providers
 * are ready, and where a new token was written. Never a token, a key or a password: log
 * collectors read standard output.
 */
record StartupBanner(String url, boolean urlConfigured, String database, Path dataDirectory, String masterKey,
                     List<String> providers, String bootstrapped, Path bootstrapToken, Path recoveryToken,
                     String recoveredOwner) {

    String text() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("  Latchkey is up at " + url + (urlConfigured ? "" : "  (LATCHKEY_PUBLIC_URL unset: loopback)"));
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        lines.add("    console         " + base + "/console/   API reference " + base + "/docs");
        lines.add("    database        " + database);
        lines.add("    data directory  " + dataDirectory);
        lines.add("    master key      " + masterKey);
        lines.add("    providers       " + (providers.isEmpty() ? "none" : String.join(", ", providers)));
        if (bootstrapToken != null) {
            lines.add("    bootstrapped team " + bootstrapped + "; the owner's first token is in " + bootstrapToken
                    + " (0600)");
        }
        if (recoveryToken != null) {
            lines.add("    owner recovery  a token for " + recoveredOwner + " is in " + recoveryToken
                    + " (0600); unset LATCHKEY_RECOVER_OWNER now");
        }
        lines.add("    Payara's own startup log: LATCHKEY_LOG_STARTUP=verbose");
        lines.add("");
        return String.join("\n", lines);
    }
}
