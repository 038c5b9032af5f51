package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.OAuthException;
import dev.latchkey.oauth.control.TokenGrants;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /oauth/revoke} (RFC 7009): 200 whether or not the token was known (§2.2). */
@Path("oauth/revoke")
@RequestScoped
public class RevocationEndpoint {

    @Inject
    TokenGrants grants;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @FormParam("token") String token, @FormParam("client_id") String clientId,
                           @FormParam("client_secret") String clientSecret) {
        var client = grants.authenticate(authorization, clientId, clientSecret);
        if (token == null || token.isBlank()) {
            throw OAuthException.invalidRequest("token is required");
        }
        grants.revoke(client, token.trim());
        return Response.ok().build();
    }
}
