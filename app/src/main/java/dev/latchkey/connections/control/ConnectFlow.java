package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NotPermittedException;
import dev.latchkey.problems.control.UnavailableException;
import dev.latchkey.providers.Account;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** What a disconnect did at the provider. */
    public record Disconnected(String provider, boolean revokedAtProvider, String note) {
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
        Account account;
        try {
            tokens = provider.provider().exchangeCode(new CodeExchange(code, connections.callbackUri(),
                    claim.codeVerifier()));
            account = provider.provider().account(tokens);
        } catch (ProviderException e) {
            connections.notConnected(claim, e.reason().name().toLowerCase(java.util.Locale.ROOT));
            throw failure(claim.provider(), e);
        }
        return connections.connected(claim, tokens, account);
    }

    /** Revokes at the provider where it can; the local deletion happens even if the provider is down. */
    public Disconnected disconnect(Connection connection) {
        InstalledProvider provider = providers.find(connection.provider()).orElse(null);
        boolean revoked = false;
        String note;
        if (provider == null) {
            note = "provider not installed; deleted locally only";
        } else if (!provider.factory().capabilities().revoke()) {
            note = connection.provider() + " has no revocation endpoint; deleted locally";
        } else {
            try {
                provider.provider().revoke(refresher.open(connection.id()));
                revoked = true;
                note = "revoked at " + connection.provider();
            } catch (ProviderException | UnsupportedOperationException e) {
                LOG.log(Level.INFO, "Revoking {0} at the provider failed: {1}",
                        new Object[]{connection.id(), e.getMessage()});
                note = "could not revoke at " + connection.provider() + " (" + e.getMessage() + "); deleted locally";
            }
        }
        connections.removed(connection.id(), revoked, note);
        return new Disconnected(connection.provider(), revoked, note);
    }

    static RuntimeException failure(String provider, ProviderException e) {
        return switch (e.reason()) {
            case INVALID_GRANT -> new InvalidInputException("code", provider + " refused the code: " + e.getMessage());
            case REJECTED -> new InvalidInputException(provider + " refused the request: " + e.getMessage());
            case UNAVAILABLE, RATE_LIMITED -> new UnavailableException(provider + " is unavailable: " + e.getMessage());
        };
    }
}
