package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NotPermittedException;
import dev.latchkey.problems.control.UnavailableException;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps of connecting and disconnecting that call a provider, run outside any
 * transaction: claim the state, call the provider, then store the outcome. A failure at any
 * step leaves no half-written connection.
 */
@ApplicationScoped
public class ConnectFlow {

    private static final Logger LOG = Logger.getLogger(ConnectFlow.class.getName());

    /**
     * What a disconnect did: what it revoked at the provider ({@code token}, {@code account} or
     * {@code none}), whether that succeeded, and how many other connections to the same account
     * it marked {@code reconnect_required} (an account revocation ends them at the provider).
     */
    public record Disconnected(String provider, String revoke, boolean revokedAtProvider, String note,
                               long otherConnectionsEnded) {
    }

    @Inject
    Connections connections;

    @Inject
    ProviderRegistry providers;

    @Inject
    Refresher refresher;

    /** Handles the provider's redirect back: {@code code} on success, {@code error} on denial. */
    public Connection callback(String state, String code, String error) {
        Connections.Claim claim = connections.claim(state);
        if (error != null && !error.isBlank()) {
            connections.notConnected(claim, "provider_" + error);
            if ("access_denied".equals(error)) {
                throw new NotPermittedException("The connection was declined at " + claim.provider());
            }
            throw new InvalidInputException("error", claim.provider() + " answered '" + error + "'");
        }
        if (code == null || code.isBlank()) {
            connections.notConnected(claim, "no_code");
            throw new InvalidInputException("code", "The callback has no code");
        }
        InstalledProvider provider = providers.find(claim.provider()).orElseThrow(() ->
                new InvalidInputException("provider", "Provider " + claim.provider() + " is no longer installed"));
        TokenSet tokens;
        try {
            tokens = provider.provider().exchangeCode(new CodeExchange(code, connections.callbackUri(),
                    claim.codeVerifier()));
        } catch (ProviderException e) {
            connections.notConnected(claim, e.reason().name().toLowerCase(java.util.Locale.ROOT));
            throw failure(claim.provider(), e);
        }
        try {
            return connections.connected(claim, tokens, provider.provider().account(tokens));
        } catch (ProviderException e) {
            abandon(provider, claim.provider(), tokens);
            connections.notConnected(claim, e.reason().name().toLowerCase(java.util.Locale.ROOT));
            throw failure(claim.provider(), e);
        } catch (RuntimeException e) {
            abandon(provider, claim.provider(), tokens);
            throw e;
        }
    }

    /**
     * Revokes at the provider what {@code requested} (or, without it, {@link Revocation#choose})
     * says, then deletes the connection, even when the provider could not be reached. Only the
     * provider's own "already revoked" answer counts as revoked. An account revocation marks the
     * other connections to that account {@code reconnect_required}.
     */
    public Disconnected disconnect(Connection connection, String requested) {
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        String name = connection.provider();
        if (provider == null) {
            connections.removed(connection.id(), Revocation.NONE, false, "provider not installed; deleted locally only");
            return new Disconnected(name, Revocation.NONE.wireName(), false, "provider not installed; deleted locally only", 0);
        }
        List<String> sharing = connections.sharingAccount(connection);
        Revocation revocation = Revocation.choose(requested, provider.factory().capabilities(), name, sharing.size());
        boolean revoked = false;
        String note;
        try {
            switch (revocation) {
                case TOKEN -> provider.provider().revoke(refresher.open(connection.id()));
                case ACCOUNT -> provider.provider().revokeAccount(refresher.open(connection.id()));
                case NONE -> { }
            }
            revoked = revocation != Revocation.NONE;
            note = switch (revocation) {
                case TOKEN -> "this connection's token was revoked at " + name;
                case ACCOUNT -> "the " + name + " account was disconnected from Latchkey at " + name;
                case NONE -> name + " was not asked to revoke anything; deleted locally";
            };
        } catch (ProviderException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Revoking {0} ({1}, {2}) at the provider failed: {3}",
                    new Object[]{connection.id(), name, revocation.wireName(), e.getMessage()});
            note = "could not revoke at " + name + " (" + e.getMessage() + "); deleted locally, the grant may "
                    + "still be valid at " + name;
        }
        long ended = 0;
        if (revoked && revocation == Revocation.ACCOUNT) {
            ended = connections.accountRevoked(connection, sharing);
        }
        connections.removed(connection.id(), revocation, revoked, note);
        return new Disconnected(name, revocation.wireName(), revoked, note, ended);
    }

    /** A fresh grant that will not be stored is revoked at once (best effort), where the provider can. */
    private static void abandon(InstalledProvider provider, String name, TokenSet tokens) {
        if (!provider.factory().capabilities().revoke()) {
            LOG.log(Level.WARNING, "A {0} grant was obtained but not stored, and {0} cannot revoke a single token: "
                    + "it stays valid at {0} until the user removes it", name);
            return;
        }
        try {
            provider.provider().revoke(tokens);
            LOG.log(Level.INFO, "A {0} grant that could not be stored was revoked at {0}", name);
        } catch (ProviderException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "A {0} grant that could not be stored could not be revoked either: {1}",
                    new Object[]{name, e.getMessage()});
        }
    }

    static RuntimeException failure(String provider, ProviderException e) {
        return switch (e.reason()) {
            case INVALID_GRANT -> new InvalidInputException("code", provider + " refused the code: " + e.getMessage());
            case REJECTED -> new InvalidInputException(provider + " refused the request: " + e.getMessage());
            case UNAVAILABLE, RATE_LIMITED -> new UnavailableException(provider + " is unavailable: " + e.getMessage());
        };
    }
}
