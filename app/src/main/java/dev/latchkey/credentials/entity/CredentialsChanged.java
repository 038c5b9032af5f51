package dev.latchkey.credentials.entity;

/**
 * An entity whose update or removal can alter what a credential may do was updated or removed
 * (fired by {@link ChangesCredentials}); observers run synchronously, inside the transaction.
 */
public record CredentialsChanged() {
}
