package dev.latchkey.providers.spotify;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Json;

/**
 * Turns Spotify's two error shapes into {@link dev.latchkey.providers.ProviderException}s via
 * {@link OAuthHttp#raiseForError}: the accounts service answers OAuth errors
 * ({@code {"error": "invalid_grant", "error_description": …}}, always HTTP 400), the Web API
 * answers {@code {"error": {"status": 401, "message": …}}}. Only the error code and the
 * description survive, with any credential of the call removed.
 */
final class SpotifyErrors {

    static final String REDACTED = "[redacted]";

    /** Shorter values cannot be real credentials, and replacing them would garble the text. */
    private static final int MIN_SECRET_LENGTH = 8;

    private SpotifyErrors() {
    }

    /**
     * Throws for a failed reply (429 with Retry-After, 5xx, {@code invalid_grant}, anything else
     * rejected); does nothing for a success. {@code secrets} are the credentials the call carried.
     */
    static void raiseForError(OAuthHttp.Reply reply, String... secrets) {
        OAuthHttp.raiseForError(new OAuthHttp.Reply(reply.status(), reply.headers(), flatten(reply.body(), secrets)));
    }

    private static Json flatten(Json body, String... secrets) {
        Json apiError = (body.isObject("error") ? body.object("error") : null);
        String error;
        String description;
        if (apiError != null) {
            // A Web API error has no OAuth code: its HTTP status already says what failed.
            error = null;
            description = apiError.string("message");
        } else {
            error = body.string("error");
            description = body.string("error_description");
        }
        java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
        if (error != null) {
            clean.put("error", redact(error, secrets));
        }
        if (description != null && !description.isBlank()) {
            clean.put("error_description", redact(description, secrets));
        }
        return Json.of(clean);
    }

    static String redact(String text, String... secrets) {
        String result = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                result = result.replace(secret, REDACTED);
            }
        }
        return result;
    }
}
