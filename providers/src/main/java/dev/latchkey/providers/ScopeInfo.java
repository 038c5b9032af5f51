package dev.latchkey.providers;

/** One scope of a provider's catalog and what it grants, in one line. */
public record ScopeInfo(String name, String description) {
}
