package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.ClientAuthentication;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The client authentication parameters the token, revocation and introspection endpoints share
 * (RFC 6749 §2.3.1, RFC 7523 §2.2), read once as a JAX-RS bean parameter.
 */
public class ClientCredentialsForm {

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @FormParam("client_id")
    String clientId;

    @FormParam("client_secret")
    String clientSecret;

    @FormParam("client_assertion_type")
    String assertionType;

    @FormParam("client_assertion")
    String assertion;

    /** As presented at {@code /oauth/<endpoint>}, which an assertion may name as its audience. */
    ClientAuthentication.Presented at(String endpoint) {
        return new ClientAuthentication.Presented(authorization, clientId, clientSecret, assertionType, assertion,
                endpoint);
    }

    @Override
    public String toString() {
        return "ClientCredentialsForm[" + clientId + "]";
    }
}
