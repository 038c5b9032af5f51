package dev.latchkey.oauth.boundary;

import dev.latchkey.http.boundary.HtmlPage;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.oauth.control.IdTokens;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.sessions.control.BrowserCookies;
import dev.latchkey.sessions.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /oauth/logout}: OpenID Connect RP-Initiated Logout 1.0 ({@code end_session_endpoint}).
 * Ends the browser's member session and clears its cookie, then sends the browser to {@code
 * post_logout_redirect_uri} (with {@code state}) only when it is one of the redirect URIs
 * registered by the client, named by {@code client_id} or by the {@code id_token_hint} we issued
 * it; otherwise shows a page. Remembered consents and issued tokens stay (revoke those through
 * {@code /oauth/revoke} or the grants API).
 */
@Path("oauth/logout")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class EndSessionEndpoint {

    @Inject
    Sessions sessions;

    @Inject
    IdTokens idTokens;

    @PersistenceContext
    EntityManager em;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    public Response logout(@QueryParam("id_token_hint") String idTokenHint, @QueryParam("client_id") String clientId,
                           @QueryParam("post_logout_redirect_uri") String returnTo, @QueryParam("state") String state) {
        sessions.signOut(BrowserCookies.read(Sessions.COOKIE, headers.getCookies(), uri.getBaseUri()));
        String cleared = BrowserCookies.clear(Sessions.COOKIE, uri.getBaseUri());
        Optional<OAuthClient> client = Optional.ofNullable(clientId)
                .or(() -> Optional.ofNullable(idTokenHint).flatMap(idTokens::clientOfHint))
                .filter(Ids::isStorable)
                .map(id -> em.find(OAuthClient.class, id));
        if (returnTo != null && client.isPresent() && client.get().redirectUris().contains(returnTo)) {
            String query = state == null ? "" : (returnTo.contains("?") ? "&" : "?") + "state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8);
            return Response.status(Response.Status.FOUND).location(URI.create(returnTo + query))
                    .header("Set-Cookie", cleared).header("Cache-Control", "no-store").build();
        }
        String problem = returnTo == null ? null
                : "The application's return address is not registered for it, so you stay here.";
        return HtmlPage.respond(Response.ok().header("Set-Cookie", cleared), ConsentPage.signedOut(problem), null)
                .build();
    }
}
