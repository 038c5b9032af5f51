package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.AccessTokens;
import dev.latchkey.oauth.control.ServerMetadata;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * What a standard client library reads first: RFC 8414 authorization server metadata at
 * {@code /.well-known/oauth-authorization-server}, and OpenID Connect Discovery at
 * {@code /.well-known/openid-configuration} (the same, plus OIDC's fields).
 */
@Path(".well-known")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryEndpoint {

    @Inject
    AccessTokens tokens;

    @GET
    @Path("oauth-authorization-server")
    public Map<String, Object> metadata() {
        return ServerMetadata.oauth(tokens.issuer());
    }

    @GET
    @Path("openid-configuration")
    public Map<String, Object> openIdConfiguration() {
        return ServerMetadata.openId(tokens.issuer());
    }
}
