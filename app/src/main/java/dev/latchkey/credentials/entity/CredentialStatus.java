package dev.latchkey.credentials.entity;

import java.util.Locale;

/**
 * Where a credential stands at a moment, worked out from its revocation, expiry and disabling
 * times (not stored); shown in listings by its wire name.
 */
public enum CredentialStatus {
    ACTIVE, REVOKED, EXPIRED, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
