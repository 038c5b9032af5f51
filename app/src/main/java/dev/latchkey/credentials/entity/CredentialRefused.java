package dev.latchkey.credentials.entity;


/**
 * Fired when a real credential was presented but refused (wrong secret, revoked, expired,
 * address not allowed), so that the audit log can note it without the core knowing about it.
 */
public record CredentialRefused(Credential credential, Refusal reason) {
}
