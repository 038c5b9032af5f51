package dev.latchkey.credentials.entity;

/** A client address was refused for failing to authenticate too often (for metrics). */
public record AuthenticationThrottled(String clientAddress) {
}
