package dev.latchkey.credentials.control;

import java.time.Instant;

/** A credential authenticated a request successfully. */
public record CredentialUsed(String credentialId, Instant at) {
}
