package dev.latchkey.credentials.entity;

import java.util.Locale;

/**
 * Why a real credential was refused (a {@link CredentialRefused}); the wire name is what the
 * audit log and the authentication metrics record.
 */
public enum Refusal {
    WRONG_SECRET, REVOKED, EXPIRED, DISABLED, ADDRESS_NOT_ALLOWED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The refusal a credential in this state meets; empty for an active one. */
    public static java.util.Optional<Refusal> of(CredentialStatus status) {
        return java.util.Optional.ofNullable(switch (status) {
            case ACTIVE -> null;
            case REVOKED -> REVOKED;
            case EXPIRED -> EXPIRED;
            case DISABLED -> DISABLED;
        });
    }
}
