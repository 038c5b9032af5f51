package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.AccessTokens;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /oauth/token} (RFC 6749 §3.2): issues access tokens. */
@Path("oauth/token")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpoint {

    @Inject
    TokenGrants grants;

    @Inject
    ClientAuthentication authentication;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@BeanParam ClientCredentialsForm credentials,
                          @FormParam("grant_type") String grantType, @FormParam("scope") String scope,
                          @FormParam("code") String code, @FormParam("redirect_uri") String redirectUri,
                          @FormParam("code_verifier") String codeVerifier,
                          @FormParam("refresh_token") String refreshToken) {
        if (grantType == null || grantType.isBlank()) {
            throw OAuthException.invalidRequest("grant_type is required");
        }
        var client = authentication.identify(credentials.at("token"));
        TokenGrants.Granted granted = switch (grantType) {
            case "client_credentials" -> grants.clientCredentials(client, scope);
            case "authorization_code" -> grants.authorizationCode(client, code, redirectUri, codeVerifier);
            case "refresh_token" -> grants.refresh(client, refreshToken, scope);
            default -> throw new OAuthException(400, "unsupported_grant_type",
                    "Unsupported grant_type '" + grantType + "'");
        };
        AccessTokens.Issued issued = granted.access();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.jwt());
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(Instant.now(), issued.expiresAt()).toSeconds() + 1);
        body.put("scope", String.join(" ", granted.scopes()));
        if (granted.idToken() != null) {
            body.put("id_token", granted.idToken());
        }
        if (granted.refreshToken() != null) {
            body.put("refresh_token", granted.refreshToken());
        }
        return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
