package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.ClientAuthentication;
import dev.latchkey.oauth.control.OAuthException;
import dev.latchkey.oauth.control.TokenGrants;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /oauth/revoke} (RFC 7009): 200 whether or not the token was known (§2.2); 400
 * {@code unauthorized_client} for a token issued to another client (§2.1, §2.2.1).
 */
@Path("oauth/revoke")
@RequestScoped
public class RevocationEndpoint {

    @Inject
    TokenGrants grants;

    @Inject
    ClientAuthentication authentication;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@BeanParam ClientCredentialsForm credentials, @FormParam("token") String token) {
        // §2.1: public clients too (by client_id), so that an app can sign its user out.
        var client = authentication.identify(credentials.at("revoke"));
        if (token == null || token.isBlank()) {
            throw OAuthException.invalidRequest("token is required");
        }
        grants.revoke(client, token.trim());
        return Response.ok().build();
    }
}
