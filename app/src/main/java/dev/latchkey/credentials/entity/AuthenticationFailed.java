package dev.latchkey.credentials.entity;

/** A request presented a credential that did not authenticate (for metrics). */
public record AuthenticationFailed(String clientAddress) {
}
