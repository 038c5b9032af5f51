package dev.latchkey.credentials.control;

import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NotAuthenticatedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the token in a request's headers: {@code Authorization: Bearer <token>} (primary),
 * {@code Authorization: Basic base64(<token>:)} (Stripe style) or {@code X-API-Key: <token>}.
 */
public final class PresentedCredential {

    private PresentedCredential() {
    }

    public static Optional<String> from(String authorization, String apiKeyHeader) {
        if (authorization != null && !authorization.isBlank()) {
            if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
                throw new InvalidInputException("Send one credential: both Authorization and X-API-Key were given");
            }
            return Optional.of(fromAuthorization(authorization.trim()));
        }
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(apiKeyHeader.trim());
        }
        return Optional.empty();
    }

    private static String fromAuthorization(String header) {
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        return switch (scheme) {
            case "bearer" -> value;
            case "basic" -> fromBasic(value);
            default -> throw NotAuthenticatedException.noCredential(
                    "Unsupported authorization scheme; use 'Authorization: Bearer <token>'");
        };
    }

    /** Basic credentials carry the token as the user name; the password part is ignored. */
    private static String fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticatedException("Malformed Basic credentials; send base64(<token>:)");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }
}
