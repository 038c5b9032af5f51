package dev.latchkey.oauth.control;

import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling an OAuth endpoint, by exactly one method: HTTP Basic or form
 * {@code client_secret} (RFC 6749 §2.3.1), a JWT assertion ({@code private_key_jwt} or
 * {@code client_secret_jwt}, RFC 7523 §2.2), or, for a public client, its {@code client_id}
 * alone. Every failure is 401 {@code invalid_client} (400 {@code invalid_request} when two
 * methods are mixed), and none says which part was wrong.
 */
@ApplicationScoped
public class ClientAuthentication {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** What the metadata advertises, in the order a client library should prefer them. */
    public static final List<String> METHODS = List.of("client_secret_basic", "client_secret_post",
            "client_secret_jwt", "private_key_jwt");

    /** The client credentials of one request, as sent; never logged. */
    public record Presented(String authorization, String clientId, String clientSecret, String assertionType,
                            String assertion, String endpoint) {

        @Override
        public String toString() {
            return "Presented[" + clientId + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OAuthClients clients;

    @Inject
    ClientJwts jwts;

    @Inject
    AccessTokens tokens;

    @Inject
    RequestClient requestClient;

    /** A confidential client by its secret or assertion, or a public client by its id alone. */
    public OAuthClient identify(Presented presented) {
        OAuthClient client = find(presented);
        requestClient.identified(client);
        return client;
    }

    private OAuthClient find(Presented presented) {
        boolean basic = presented.authorization() != null
                && presented.authorization().regionMatches(true, 0, "Basic ", 0, 6);
        boolean assertion = presented.assertion() != null || presented.assertionType() != null;
        if ((basic ? 1 : 0) + (assertion ? 1 : 0) + (presented.clientSecret() != null ? 1 : 0) > 1) {
            throw OAuthException.invalidRequest("Use one client authentication method, not two");
        }
        if (assertion) {
            return byAssertion(presented);
        }
        String clientId = presented.clientId();
        String secret = presented.clientSecret();
        if (basic) {
            String[] pair = basicPair(presented.authorization());
            clientId = pair[0];
            secret = pair[1];
        }
        if (secret == null || secret.isEmpty()) {
            OAuthClient client = !Ids.isStorable(clientId) ? null : em.find(OAuthClient.class, clientId);
            if (client != null && !client.confidential()) {
                return client;
            }
            throw failed();
        }
        return clients.authenticate(clientId, secret).orElseThrow(ClientAuthentication::failed);
    }

    /** The same, for endpoints only confidential clients may call (introspection). */
    public OAuthClient authenticate(Presented presented) {
        OAuthClient client = identify(presented);
        if (!client.confidential()) {
            throw OAuthException.invalidClient("This endpoint needs client authentication");
        }
        return client;
    }

    private OAuthClient byAssertion(Presented presented) {
        if (!JWT_BEARER.equals(presented.assertionType())) {
            throw OAuthException.invalidRequest("client_assertion_type must be " + JWT_BEARER);
        }
        if (presented.assertion() == null || presented.assertion().isBlank()) {
            throw OAuthException.invalidRequest("client_assertion is required with client_assertion_type");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(presented.assertion().trim());
        } catch (ParseException e) {
            throw failed();
        }
        String issuer = tokens.issuer();
        Set<String> audiences = new HashSet<>(List.of(issuer, issuer + "/oauth/token",
                issuer + "/oauth/" + presented.endpoint()));
        OAuthClient client = jwts.assertion(jwt, audiences).orElseThrow(ClientAuthentication::failed);
        // RFC 7521 §4.2: a client_id sent along must name the same client.
        if (presented.clientId() != null && !presented.clientId().equals(client.id())) {
            throw failed();
        }
        return client;
    }

    private static String[] basicPair(String authorization) {
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
        return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static OAuthException failed() {
        return OAuthException.invalidClient("Client authentication failed");
    }
}
