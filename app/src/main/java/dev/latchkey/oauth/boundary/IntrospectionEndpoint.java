package dev.latchkey.oauth.boundary;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.oauth.control.AccessTokens;
import dev.latchkey.oauth.control.ClientAuthentication;
import dev.latchkey.oauth.control.OAuthException;
import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth/introspect} (RFC 7662) for resource servers authenticating as a
 * confidential client: active tokens of the same team are described, anything else is
 * {@code {"active": false}}.
 */
@Path("oauth/introspect")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionEndpoint {

    @Inject
    ClientAuthentication authentication;

    @Inject
    AccessTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> introspect(@BeanParam ClientCredentialsForm credentials,
                                         @FormParam("token") String token) {
        OAuthClient caller = authentication.authenticate(credentials.at("introspect"));
        if (token == null || token.isBlank()) {
            throw OAuthException.invalidRequest("token is required");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", false);
        tokens.verified(token.trim()).ifPresent(verified -> describe(verified, caller, answer));
        return answer;
    }

    private void describe(AccessTokens.Verified verified, OAuthClient caller, Map<String, Object> answer) {
        Caller owner = verified.caller();
        if (owner == null || !owner.teamId().equals(caller.teamId())) {
            return;
        }
        JsonWebToken claims = verified.token();
        answer.put("active", true);
        answer.put("scope", claims.<String>getClaim("scope"));
        answer.put("client_id", owner.credentialId());
        answer.put("token_type", "Bearer");
        answer.put("sub", claims.getSubject());
        answer.put("iss", claims.getIssuer());
        answer.put("aud", List.copyOf(claims.getAudience()));
        answer.put("exp", claims.getExpirationTime());
        answer.put("iat", claims.getIssuedAtTime());
        answer.put("jti", claims.getTokenID());
        answer.put("site_id", owner.site().id());
        answer.put("environment", owner.environment().map(Environment::wireName).orElse(null));
    }
}
