package dev.latchkey.problems.control;

/**
 * What a refusal says in {@code WWW-Authenticate: Bearer} (RFC 6750 §3.1): no error code when
 * no credential (or one of an unsupported scheme) was sent, {@code invalid_token} for a bad
 * one, {@code insufficient_scope} (with the scope needed, when one scope would do) for a
 * valid credential that may not do this.
 */
public record BearerChallenge(String error, String scope) {

    public static final BearerChallenge NO_CREDENTIAL = new BearerChallenge(null, null);
    public static final BearerChallenge INVALID_TOKEN = new BearerChallenge("invalid_token", null);

    public static BearerChallenge insufficientScope(String scope) {
        return new BearerChallenge("insufficient_scope", scope);
    }
}
