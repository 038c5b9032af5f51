package dev.latchkey.providers;

/**
 * What a provider supports.
 *
 * @param pkce          the provider takes an S256 PKCE challenge
 * @param refresh       the provider issues refresh tokens and refreshes with them
 * @param revoke        the provider can revoke this connection's tokens only ({@link Provider#revoke}),
 *                      leaving other connections to the same account alone
 * @param revokeAccount the provider can revoke everything the account granted the app
 *                      ({@link Provider#revokeAccount}), which ends every connection to that
 *                      account, from any site
 */
public record Capabilities(boolean pkce, boolean refresh, boolean revoke, boolean revokeAccount) {

    /** The capabilities of a plugin written before account revocation existed: {@code revokeAccount} is false. */
    public Capabilities(boolean pkce, boolean refresh, boolean revoke) {
        this(pkce, refresh, revoke, false);
    }
}
