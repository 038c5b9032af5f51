package dev.latchkey.connections.control;

import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.providers.Capabilities;
import java.util.Locale;

/**
 * What a disconnect revokes at the provider: this connection's tokens only ({@code token}),
 * everything the account granted Latchkey's app, which ends every connection to that account
 * ({@code account}), or nothing ({@code none}). Without a choice, a disconnect revokes only what
 * it owns: the token where the provider can revoke one, else the account when no other
 * connection shares it; it refuses rather than break other connections silently.
 */
public enum Revocation {
    TOKEN, ACCOUNT, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param requested    the {@code ?revoke=} value, or null
     * @param othersSharing how many other connections use the same provider account
     */
    public static Revocation choose(String requested, Capabilities capabilities, String provider, long othersSharing) {
        if (requested == null || requested.isBlank()) {
            if (capabilities.revoke()) {
                return TOKEN;
            }
            if (!capabilities.revokeAccount()) {
                return NONE;
            }
            if (othersSharing > 0) {
                throw new ConflictException(provider + " can only revoke the whole account, and " + othersSharing
                        + " other connection(s) use this " + provider + " account: revoking it would disconnect them "
                        + "too. Pass ?revoke=account to do that, or ?revoke=none to delete this connection only "
                        + "(the grant then stays valid at " + provider + ")");
            }
            return ACCOUNT;
        }
        Revocation chosen;
        try {
            chosen = valueOf(requested.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("revoke", "revoke is token, account or none");
        }
        if (chosen == TOKEN && !capabilities.revoke()) {
            throw new InvalidInputException("revoke", provider + " cannot revoke a single connection's token"
                    + (capabilities.revokeAccount() ? "; use revoke=account or revoke=none" : "; use revoke=none"));
        }
        if (chosen == ACCOUNT && !capabilities.revokeAccount()) {
            throw new InvalidInputException("revoke", provider + " cannot revoke a whole account"
                    + (capabilities.revoke() ? "; use revoke=token or revoke=none" : "; use revoke=none"));
        }
        return chosen;
    }
}
