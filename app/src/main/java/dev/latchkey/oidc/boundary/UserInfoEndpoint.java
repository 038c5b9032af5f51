package dev.latchkey.oidc.boundary;

import dev.latchkey.members.entity.Member;
import dev.latchkey.oauth.control.AccessTokens;
import dev.latchkey.oauth.control.OAuthScopes;
import dev.latchkey.oidc.control.MemberClaims;
import dev.latchkey.oidc.control.OpenIdScopes;
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
import java.util.Map;

/**
 * {@code /oauth/userinfo} (OIDC Core §5.3): the signed-in member's claims, for an access token
 * granted with {@code openid}, by the scopes it holds. Errors are RFC 6750 §3 challenges: no or
 * a bad token → 401 {@code invalid_token}; a token without {@code openid} → 403
 * {@code insufficient_scope}.
 */
@Path("oauth/userinfo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoEndpoint {

    private static final String REALM = "Bearer realm=\"latchkey\"";

    @Inject
    AccessTokens tokens;

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
            return challenge(401, REALM);
        }
        var claims = tokens.claims(authorization.substring(7).trim()).orElse(null);
        if (claims == null) {
            return challenge(401, REALM + ", error=\"invalid_token\"");
        }
        List<String> scopes = OAuthScopes.parse((String) claims.getClaim("scope"));
        Member member = claims.getSubject() == null ? null : em.find(Member.class, claims.getSubject());
        if (!OpenIdScopes.signIn(scopes) || member == null) {
            return challenge(403, REALM + ", error=\"insufficient_scope\", scope=\"openid\"");
        }
        Map<String, Object> body = MemberClaims.of(member, scopes);
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    private static Response challenge(int status, String header) {
        return Response.status(status).header(HttpHeaders.WWW_AUTHENTICATE, header)
                .header("Cache-Control", "no-store").build();
    }
}
