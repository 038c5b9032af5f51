package dev.latchkey.providers;

import java.net.URI;

/**
 * One external API's OAuth, as Latchkey uses it. Every method either returns a result mapped
 * into this package's records or throws a {@link ProviderException} with a {@link
 * ProviderException.Reason}. Implementations are thread-safe.
 */
public interface Provider extends AutoCloseable {

    /** The URL to send the user to, carrying {@code state} and, where supported, the PKCE challenge. */
    URI authorizationUrl(AuthorizationRequest request);

    /** Exchanges an authorization code for tokens. A code must never be exchanged twice. */
    TokenSet exchangeCode(CodeExchange exchange);

    /**
     * Refreshes the tokens. The result carries the refresh token to keep: the rotated one, or
     * the current one when the provider did not send a new one.
     *
     * @throws ProviderException with {@code INVALID_GRANT} when the grant is gone for good
     */
    TokenSet refresh(TokenSet current);

    /**
     * Revokes these tokens only, never other tokens of the same account (another site may be
     * connected to it). Returns normally when the tokens were revoked, or when the provider
     * answered specifically that they are already revoked or unknown.
     *
     * @throws ProviderException for any other failure; in particular a generic 401 or 403 (bad
     *                           client credentials, a refused platform key) is {@code REJECTED},
     *                           never success
     * @throws UnsupportedOperationException when the provider cannot revoke a single connection's tokens
     */
    void revoke(TokenSet current);

    /**
     * Revokes everything the account behind {@code current} granted the app, which ends every
     * connection to that account, from any site. Returns normally when revoked, or when the
     * provider answered specifically that the account is already disconnected.
     *
     * @throws ProviderException for any other failure, as {@link #revoke}
     * @throws UnsupportedOperationException when the provider cannot (the default)
     */
    default void revokeAccount(TokenSet current) {
        throw new UnsupportedOperationException("This provider cannot revoke an account's whole grant");
    }

    /**
     * Asks the provider whether the access token still works. Returns normally when it does.
     *
     * @throws ProviderException {@code INVALID_GRANT} when the provider says the token or its grant
     *                           is revoked or unknown; {@code UNAVAILABLE} or {@code RATE_LIMITED}
     *                           when it cannot tell now; {@code REJECTED} when it refused the
     *                           question itself (for example bad client credentials)
     * @throws UnsupportedOperationException when the provider cannot be asked (the default)
     */
    default void validate(TokenSet current) {
        throw new UnsupportedOperationException("This provider cannot validate a token");
    }

    /** The account the tokens act for (an id and a readable name). */
    Account account(TokenSet current);

    /**
     * Releases what the provider holds (threads, caches). Latchkey calls it once on shutdown;
     * no other method is called afterwards. Does nothing by default.
     */
    @Override
    default void close() {
    }
}
