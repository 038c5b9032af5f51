package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.AccessTokens;
import dev.latchkey.oauth.control.ClientAuthentication;
import dev.latchkey.oauth.control.ClientJwts;
import dev.latchkey.oauth.control.OAuthScopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 8414 authorization server metadata: what a standard client library reads first. */
@Path(".well-known/oauth-authorization-server")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryEndpoint {

    @Inject
    AccessTokens tokens;

    @GET
    public Map<String, Object> metadata() {
        String issuer = tokens.issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/oauth/authorize");
        metadata.put("token_endpoint", issuer + "/oauth/token");
        metadata.put("jwks_uri", issuer + "/oauth/jwks");
        metadata.put("revocation_endpoint", issuer + "/oauth/revoke");
        metadata.put("introspection_endpoint", issuer + "/oauth/introspect");
        metadata.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        // "none": public clients, at the token endpoint and (to sign out) the revocation endpoint;
        // introspection is for confidential clients only. The algorithms are exactly those verified.
        List<String> withNone = new ArrayList<>(ClientAuthentication.METHODS);
        withNone.add("none");
        metadata.put("token_endpoint_auth_methods_supported", withNone);
        metadata.put("token_endpoint_auth_signing_alg_values_supported", ClientJwts.ALGORITHMS);
        metadata.put("revocation_endpoint_auth_methods_supported", withNone);
        metadata.put("revocation_endpoint_auth_signing_alg_values_supported", ClientJwts.ALGORITHMS);
        metadata.put("introspection_endpoint_auth_methods_supported", ClientAuthentication.METHODS);
        metadata.put("introspection_endpoint_auth_signing_alg_values_supported", ClientJwts.ALGORITHMS);
        metadata.put("scopes_supported", OAuthScopes.SUPPORTED);
        // RFC 9207: the authorization response carries iss (against mix-up attacks).
        metadata.put("authorization_response_iss_parameter_supported", true);
        return metadata;
    }
}
