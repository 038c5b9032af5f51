package dev.latchkey.sessions.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.sessions.control.BrowserCookies;
import dev.latchkey.sessions.control.ConsoleSignIns;
import dev.latchkey.sessions.control.SessionCallers;
import dev.latchkey.sessions.control.Sessions;
import dev.latchkey.sessions.entity.MemberSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Signing in with email and password (the console's way in), and the calling member's own
 * sign-in sessions, to see where one is signed in and end a session from elsewhere. A team
 * owner may also revoke a member's session by its id.
 */
@Path("v1/sessions")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sessions sessions;

    @Inject
    ConsoleSignIns signIns;

    @Inject
    SessionCallers callers;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /**
     * Signs in: 201 with the session (and its CSRF token) and the session cookie, the same one the
     * OAuth authorize page sets. A session cookie the browser brought ends (no session fixation).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password", description = "Starts a member session: the session "
            + "cookie (the one /oauth/authorize uses too) and, in the body, the CSRF token every change made with the "
            + "cookie must carry in X-CSRF-Token. Throttled per address and email (429). Without team_id and with "
            + "the password right in several teams: 400 naming team_id, the teams in details.teams.")
    @APIResponse(responseCode = "201", description = "Signed in; Set-Cookie carries the session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CurrentSessionView")))
    public Response signIn(@NotNull @Valid SignInRequest body) {
        var started = signIns.signIn(body.email(), body.password(), body.teamId(),
                CurrentSessionResource.cookie(headers, uri));
        var caller = callers.callerFor(started.session()).orElseThrow();
        return Response.status(Response.Status.CREATED)
                .entity(CurrentSessionView.of(started.session(), caller, started.secret()))
                .header("Set-Cookie", BrowserCookies.set(Sessions.COOKIE, started.secret(), sessions.cookieLifetime(),
                        uri.getBaseUri()))
                .build();
    }

    @GET
    public ListView<SessionView> list(@QueryParam("limit") String limit,
                                      @QueryParam("starting_after") String startingAfter) {
        var page = sessions.list(currentCaller.caller().requireMember().id(), PageRequest.of(limit, startingAfter));
        return ListView.of(page, SessionView::of, MemberSession::id);
    }

    @DELETE
    @Path("{id}")
    public SessionView revoke(@PathParam("id") String id) {
        return SessionView.of(sessions.revoke(currentCaller.caller(), id));
    }
}
