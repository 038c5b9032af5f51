package dev.latchkey.sessions.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.problems.control.NotAuthenticatedException;
import dev.latchkey.sessions.control.BrowserCookies;
import dev.latchkey.sessions.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The session of the browser calling (authenticated by its cookie only): who is signed in, with
 * the CSRF token a page that was reloaded needs again, and signing out.
 */
@Path("v1/session")
@SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        apiKeyName = "latchkey_session", description = "The console's member session: the cookie POST /v1/sessions "
        + "sets (named __Host-latchkey_session over https). Taken wherever a member's personal access token is, "
        + "when no Authorization or X-API-Key header is sent; POST, PUT, PATCH and DELETE also need the "
        + "session's csrf_token in the X-CSRF-Token header (403 csrf_token_invalid without).")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class CurrentSessionResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sessions sessions;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The signed-in session", description = "Who is signed in, in which team, until when, "
            + "and the CSRF token to send in X-CSRF-Token. Takes the session cookie only.")
    public CurrentSessionView current() {
        var caller = currentCaller.caller();
        var session = sessions.find(caller.credentialId()).orElseThrow(
                () -> new NotAuthenticatedException("The session has ended; sign in again"));
        String secret = cookie(headers, uri).orElseThrow(
                () -> new NotAuthenticatedException("The session has ended; sign in again"));
        return CurrentSessionView.of(session, caller, secret);
    }

    /** Signs out: the session ends at once (on every instance) and the browser forgets the cookie. */
    @DELETE
    @Operation(summary = "Sign out", description = "Ends the session at once and clears its cookie. Takes the "
            + "session cookie and X-CSRF-Token.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut() {
        currentCaller.caller();
        sessions.signOut(cookie(headers, uri));
        return Response.noContent().header("Set-Cookie", BrowserCookies.clear(Sessions.COOKIE, uri.getBaseUri()))
                .build();
    }

    /** The session cookie's value in this request, if it carries one. */
    static Optional<String> cookie(HttpHeaders headers, UriInfo uri) {
        return BrowserCookies.read(Sessions.COOKIE, headers.getCookies(), uri.getBaseUri());
    }
}
