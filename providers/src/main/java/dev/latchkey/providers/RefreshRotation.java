package dev.latchkey.providers;

/**
 * What a provider does with refresh tokens. In every case a refresh answer without a
 * {@code refresh_token} keeps the current one, and an answer with one replaces it.
 */
public enum RefreshRotation {
    /** No refresh tokens: access tokens do not expire, or a new authorization is the only way. */
    NO_REFRESH,
    /** The refresh token stays the same across refreshes. */
    KEEPS,
    /** The provider may send a new refresh token on a refresh; the old one may stop working. */
    MAY_ROTATE,
    /** Every refresh returns a new refresh token and retires the one just used. */
    ROTATES;

    /** Whether the provider refreshes at all. */
    public boolean refreshes() {
        return this != NO_REFRESH;
    }
}
