package dev.latchkey.oauth.control;

import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The grants of the token endpoint (RFC 6749 §4.4 client credentials) and the client
 * authentication they share (§2.3.1: HTTP Basic or form parameters, never both).
 */
@ApplicationScoped
public class TokenGrants {

    @Inject
    OAuthClients clients;

    @Inject
    AccessTokens tokens;

    /** The confidential client a request authenticates as; otherwise 401 {@code invalid_client}. */
    @Transactional
    public OAuthClient authenticate(String authorization, String formClientId, String formSecret) {
        String clientId = formClientId;
        String secret = formSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw OAuthException.invalidRequest("Use one client authentication method, not two");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient("Malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthException.invalidClient("Malformed Basic credentials");
            }
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        Optional<OAuthClient> client = clients.authenticate(clientId, secret);
        return client.orElseThrow(() -> OAuthException.invalidClient("Client authentication failed"));
    }

    /** RFC 6749 §4.4: a token for the client itself, with at most the client's scopes. */
    @Transactional
    public AccessTokens.Issued clientCredentials(OAuthClient client, String scope) {
        if (!client.grantTypes().contains("client_credentials")) {
            throw new OAuthException(400, "unauthorized_client", "This client may not use client_credentials");
        }
        List<String> requested = OAuthScopes.parse(scope);
        List<String> granted = requested.isEmpty() ? client.scopes() : requested;
        if (!client.scopes().containsAll(granted)) {
            throw new OAuthException(400, "invalid_scope", "The client is not allowed scope "
                    + String.join(" ", granted.stream().filter(s -> !client.scopes().contains(s)).toList()));
        }
        return tokens.issue(client, client.id(), granted, null);
    }

    /** RFC 7009: revokes an access token of this client; unknown tokens are no error. */
    @Transactional
    public void revoke(OAuthClient client, String token) {
        tokens.claims(token).ifPresent(claims -> tokens.revoke(claims.getJWTID(), client.id()));
    }
}
