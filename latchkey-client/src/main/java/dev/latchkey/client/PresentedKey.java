package dev.latchkey.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the key in a request's headers the three ways Latchkey accepts it:
 * {@code Authorization: Bearer <key>}, {@code Authorization: Basic base64(<key>:)} (the key as the
 * user name, the password ignored) or {@code X-API-Key: <key>}. Both headers at once is refused,
 * as Latchkey refuses it.
 */
final class PresentedKey {

    /** A header that holds no usable key; the message never holds the header's value. */
    static final class Malformed extends RuntimeException {
        final int status;

        Malformed(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private PresentedKey() {
    }

    static Optional<String> from(String authorization, String apiKeyHeader) {
        boolean hasAuthorization = authorization != null && !authorization.isBlank();
        boolean hasApiKey = apiKeyHeader != null && !apiKeyHeader.isBlank();
        if (hasAuthorization && hasApiKey) {
            throw new Malformed(400, "Send one credential: both Authorization and X-API-Key were given");
        }
        if (hasAuthorization) {
            return Optional.of(fromAuthorization(authorization.trim()));
        }
        return hasApiKey ? Optional.of(apiKeyHeader.trim()) : Optional.empty();
    }

    private static String fromAuthorization(String header) {
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        String key = switch (scheme) {
            case "bearer" -> value;
            case "basic" -> fromBasic(value);
            default -> throw new Malformed(401, "Unsupported authorization scheme; use 'Authorization: Bearer <key>'");
        };
        if (key.isEmpty()) {
            throw new Malformed(401, "No API key in the Authorization header");
        }
        return key;
    }

    private static String fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed(401, "Malformed Basic credentials; send base64(<key>:)");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }
}
