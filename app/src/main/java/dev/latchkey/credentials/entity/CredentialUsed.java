package dev.latchkey.credentials.entity;

import java.time.Instant;

/**
 * A credential was presented and got this far: {@link Outcome#VALID} when it authenticated (the
 * request may still be refused later, which a second event with that outcome says), or the refusal
 * a real, active credential met. Fired once where each outcome is decided; usage counts them.
 */
public record CredentialUsed(String credentialId, Instant at, Outcome outcome) {

    /** How a use of a credential ended. */
    public enum Outcome {
        /** Authenticated (the secret matched, the credential is active and allowed at that address). */
        VALID,
        /** Authenticated, then over its rate limit. */
        RATE_LIMITED,
        /** The right secret, refused by its address allowlist. */
        ADDRESS_REFUSED,
        /** Authenticated, then refused for lacking a permission or scope. */
        INSUFFICIENT_PERMISSION
    }

    public CredentialUsed(String credentialId, Instant at) {
        this(credentialId, at, Outcome.VALID);
    }
}
