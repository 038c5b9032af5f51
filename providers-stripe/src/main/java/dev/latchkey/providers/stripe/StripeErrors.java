package dev.latchkey.providers.stripe;

import dev.latchkey.providers.OAuthHttp;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.latchkey.providers.Json;

/**
 * Turns Stripe's two error shapes into {@link dev.latchkey.providers.ProviderException}s via
 * {@link OAuthHttp#raiseForError}: connect.stripe.com answers OAuth errors
 * ({@code {"error": "invalid_grant", "error_description": …}}), api.stripe.com answers
 * {@code {"error": {"type": …, "code": …, "message": …}}}. Descriptions are scrubbed first,
 * because Stripe echoes credentials in them ("Authorization code does not exist: ac_…").
 */
final class StripeErrors {

    static final String REDACTED = "[redacted]";

    /** Stripe's secret-bearing ids: secret and restricted keys, authorization codes, refresh tokens. */
    private static final Pattern STRIPE_SECRET = Pattern.compile("\\b(?:sk|rk|ac|rt)_[A-Za-z0-9_*]+");

    private static final Pattern NOT_CONNECTED =
            Pattern.compile("not connected to stripe account", Pattern.CASE_INSENSITIVE);
    private static final String ACCOUNT_INVALID = "account_invalid";

    private StripeErrors() {
    }

    /**
     * Throws for a failed reply, as {@link OAuthHttp#raiseForError} does, after flattening an
     * API error object and removing {@code secrets} (and anything shaped like a Stripe secret)
     * from the description.
     */
    static void raiseForError(OAuthHttp.Reply reply, String... secrets) {
        OAuthHttp.raiseForError(new OAuthHttp.Reply(reply.status(), reply.headers(), scrub(reply.body(), secrets)));
    }

    /**
     * Whether deauthorize answered Stripe's "This application is not connected to stripe account
     * acct_…, or that account does not exist." (401 {@code invalid_client}). Stripe uses the same
     * status and error for a refused platform key ("No such API key: …", "Invalid API Key
     * provided: …"), which must never pass for a disconnected account, so the description decides.
     */
    static boolean notConnected(OAuthHttp.Reply reply) {
        return reply.status() == 401 && "invalid_client".equals(reply.body().string("error"))
                && NOT_CONNECTED.matcher(reply.body().string("error_description", "")).find();
    }

    /**
     * Whether the API refused to act for the connected account because the platform no longer
     * has access to it: 401 or 403 with the error code {@code account_invalid} ("The provided key
     * … does not have access to account … Application access may have been revoked.").
     * {@code account_invalid} is one of Stripe's documented error codes, but the provider facts
     * do not record the exact answer for a disconnected account [unconfirmed]; a refused platform
     * key ("Invalid API Key provided", no such code) stays {@code REJECTED}.
     */
    static boolean accountNotAccessible(OAuthHttp.Reply reply) {
        Json error = (reply.body().isObject("error") ? reply.body().object("error") : null);
        return (reply.status() == 401 || reply.status() == 403) && error != null
                && ACCOUNT_INVALID.equals(error.string("code"));
    }

    private static Json scrub(Json body, String... secrets) {
        Json apiError = (body.isObject("error") ? body.object("error") : null);
        String error;
        String description;
        if (apiError != null) {
            error = firstPresent(apiError.string("code"), apiError.string("type"), "api_error");
            description = apiError.string("message");
        } else {
            error = body.string("error");
            description = body.string("error_description");
        }
        java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
        if (error != null) {
            clean.put("error", redact(error, secrets));
        }
        if (description != null) {
            clean.put("error_description", redact(description, secrets));
        }
        return Json.of(clean);
    }

    static String redact(String text, String... secrets) {
        String result = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, REDACTED);
            }
        }
        return STRIPE_SECRET.matcher(result).replaceAll(REDACTED);
    }

    private static String firstPresent(String... values) {
        return Stream.of(values).filter(Objects::nonNull).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }
}
