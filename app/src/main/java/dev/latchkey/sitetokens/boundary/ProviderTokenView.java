package dev.latchkey.sitetokens.boundary;

import dev.latchkey.connections.entity.Connection;
import dev.latchkey.providers.TokenSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A provider token valid now, for a build or function, with what it may do and for whom. */
public record ProviderTokenView(String provider, String accessToken, String tokenType, Instant expiresAt,
                                List<String> scopes, Account account, Map<String, String> extras) {

    /** The provider-side account. */
    public record Account(String id, String name) {
    }

    public static ProviderTokenView of(Connection connection, TokenSet tokens) {
        return new ProviderTokenView(connection.provider(), tokens.accessToken(), tokens.tokenType(),
                tokens.expiresAt(), tokens.grantedScopes(), new Account(connection.accountId(), connection.accountName()),
                tokens.extras());
    }

    @Override
    public String toString() {
        return "ProviderTokenView[" + provider + "]";
    }
}
