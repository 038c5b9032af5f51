package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.Json;

/**
 * Salesforce's failure answers, mapped onto {@link ProviderException.Reason}s through {@link
 * OAuthHttp#raiseForError} after the Salesforce-only cases are taken out.
 */
final class SalesforceErrors {

    static final String REDACTED = "[redacted]";

    private SalesforceErrors() {
    }

    /**
     * Throws for a failed reply. Salesforce answers too many logins with HTTP 400 {@code
     * rate_limit_exceeded} rather than a 429, so that becomes {@code RATE_LIMITED}; the rest
     * ({@code invalid_grant} for a dead code or refresh token, {@code invalid_client_id},
     * {@code invalid_client}, {@code invalid_request}, 429, 5xx) go the standard way. The
     * description is stripped of {@code secrets} first.
     */
    static void raiseForError(OAuthHttp.Reply reply, String... secrets) {
        OAuthHttp.Reply clean = new OAuthHttp.Reply(reply.status(), reply.headers(), scrub(reply.body(), secrets));
        if (reply.status() < 500 && "rate_limit_exceeded".equals(clean.body().string("error"))) {
            throw new ProviderException(ProviderException.Reason.RATE_LIMITED,
                    "Provider answered " + reply.status() + ": rate_limit_exceeded", null, null);
        }
        OAuthHttp.raiseForError(clean);
    }

    /**
     * Whether the revoke endpoint said the token is unknown. Salesforce answers 400 {@code
     * invalid_token} where RFC 7009 §2.2 answers 200; either way nothing is left to revoke.
     */
    static boolean alreadyRevoked(OAuthHttp.Reply reply) {
        return reply.status() == 400 && "invalid_token".equals(reply.body().string("error"));
    }

    private static Json scrub(Json body, String... secrets) {
        java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
        String error = body.string("error");
        String description = body.string("error_description");
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
        return result;
    }
}
