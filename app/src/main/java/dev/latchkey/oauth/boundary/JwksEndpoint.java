package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.SigningKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code GET /oauth/jwks}: the public keys access tokens are signed with (RFC 7517). */
@Path("oauth/jwks")
@RequestScoped
public class JwksEndpoint {

    static final String JWK_SET = "application/jwk-set+json";

    @Inject
    SigningKeys keys;

    @GET
    @Produces({JWK_SET, "application/json"})
    public Response jwks() {
        return Response.ok(keys.jwks().toString(), JWK_SET).header("Cache-Control", "max-age=300").build();
    }
}
