package dev.latchkey.oauth.boundary;

import dev.latchkey.members.entity.Member;
import dev.latchkey.oauth.control.AccessTokens;
import dev.latchkey.oauth.control.MemberClaims;
import dev.latchkey.oauth.control.OAuthScopes;
import dev.latchkey.oauth.control.OpenIdScopes;
import dev.latchkey.oauth.control.RequestClient;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.problems.control.InsufficientScopeException;
import dev.latchkey.problems.control.NotAuthenticatedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /oauth/userinfo} (OIDC Core §5.3): the signed-in member's claims, for one of our
 * access tokens granted with {@code openid}, by the scopes it holds. Refusals are RFC 6750 §3
 * challenges in the one error shape: no token → 401 without an error code; a bad one → 401
 * {@code invalid_token}; one without {@code openid} → 403 {@code insufficient_scope}. Browser
 * clients may call it from their own origins (CORS, as at the token endpoint).
 */
@Path("oauth/userinfo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoEndpoint {

    @Inject
    AccessTokens tokens;

    @Inject
    RequestClient requestClient;

    @PersistenceContext
    EntityManager em;

    @GET
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    @POST
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    private Response userInfo(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw NotAuthenticatedException.noCredential("The UserInfo endpoint takes an OAuth access token "
                    + "(Authorization: Bearer …)");
        }
        var claims = tokens.claims(authorization.substring(7).trim()).orElseThrow(() ->
                new NotAuthenticatedException("The access token is not valid"));
        OAuthClient client = em.find(OAuthClient.class, claims.<String>getClaim("client_id"));
        if (client != null) {
            requestClient.identified(client);
        }
        List<String> scopes = OAuthScopes.parse(claims.<String>getClaim("scope"));
        Member member = claims.getSubject() == null ? null : em.find(Member.class, claims.getSubject());
        if (!OpenIdScopes.signIn(scopes) || member == null) {
            throw new InsufficientScopeException("The access token was not granted the openid scope for a member");
        }
        return Response.ok(MemberClaims.of(member, scopes)).header("Cache-Control", "no-store").build();
    }
}
