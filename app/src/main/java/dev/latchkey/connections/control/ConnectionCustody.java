package dev.latchkey.connections.control;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.crypto.control.SecretBox;
import dev.latchkey.providers.TokenSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps provider tokens sealed at rest: in and out of a {@link Connection} only through here.
 * Each token is bound to its connection and role, so a sealed value moved to another row or
 * column does not open.
 */
@ApplicationScoped
public class ConnectionCustody {

    @Inject
    SecretBox box;

    public void store(Connection connection, TokenSet tokens) {
        JsonObjectBuilder extras = JsonP.createObjectBuilder();
        tokens.extras().forEach(extras::add);
        connection.store(box.seal(tokens.accessToken(), context(connection, "access")),
                tokens.refreshToken() == null ? null : box.seal(tokens.refreshToken(), context(connection, "refresh")),
                tokens.tokenType(), tokens.expiresAt(), tokens.grantedScopes(), extras.build().toString());
    }

    public TokenSet open(Connection connection) {
        Map<String, String> extras = new LinkedHashMap<>();
        try (var reader = JsonP.createReader(new StringReader(connection.extras()))) {
            reader.readObject().forEach((key, value) -> extras.put(key, ((JsonString) value).getString()));
        }
        String refresh = connection.sealedRefreshToken() == null ? null
                : box.open(connection.sealedRefreshToken(), context(connection, "refresh"));
        return new TokenSet(box.open(connection.sealedAccessToken(), context(connection, "access")), refresh,
                connection.tokenType(), connection.expiresAt(), connection.grantedScopes(), extras);
    }

    private static String context(Connection connection, String role) {
        return "connection:" + connection.id() + ":" + role;
    }
}
