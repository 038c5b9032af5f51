package dev.latchkey.providers;

/** What a provider supports. */
public record Capabilities(boolean pkce, boolean refresh, boolean revoke) {
}
