package dev.latchkey.http.control;

import java.util.Locale;

/** Java names as the wire spells them: {@code redirectUris} is {@code redirect_uris}, as JSON-B binds it. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
