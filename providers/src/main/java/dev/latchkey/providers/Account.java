package dev.latchkey.providers;

/** The account at the provider that a connection acts for. */
public record Account(String id, String name) {
}
