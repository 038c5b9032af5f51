package dev.latchkey.providers;

import java.net.URI;

/**
 * One external API's OAuth, as Latchkey uses it. Every method either returns a result mapped
 * into this package's records or throws a {@link ProviderException} with a {@link
 * ProviderException.Reason}. Implementations are thread-safe.
 */
public interface Provider {

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
     * Revokes the grant at the provider.
     *
     * @throws UnsupportedOperationException when the provider has no revocation endpoint
     */
    void revoke(TokenSet current);

    /** The account the tokens act for (an id and a readable name). */
    Account account(TokenSet current);
}
