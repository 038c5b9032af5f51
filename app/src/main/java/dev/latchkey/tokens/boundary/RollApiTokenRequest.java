package dev.latchkey.tokens.boundary;

/** {@code POST /v1/sites/{site}/tokens/{id}/roll}: seconds the old token keeps working (default 0). */
public record RollApiTokenRequest(Long expiresIn) {
}
