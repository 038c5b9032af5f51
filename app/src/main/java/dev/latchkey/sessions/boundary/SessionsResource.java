package dev.latchkey.sessions.boundary;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.sessions.control.Sessions;
import dev.latchkey.sessions.entity.MemberSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The calling member's own sign-in sessions, to see where one is signed in and end a session
 * from elsewhere. A team owner may also revoke a member's session by its id.
 */
@Path("v1/sessions")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    CurrentRequest request;

    @Inject
    Sessions sessions;

    @GET
    public ListView<SessionView> list(@QueryParam("limit") String limit,
                                      @QueryParam("starting_after") String startingAfter) {
        var page = sessions.list(request.caller().requireMember().id(), PageRequest.of(limit, startingAfter));
        return ListView.of(page, SessionView::of, MemberSession::id);
    }

    @DELETE
    @Path("{id}")
    public SessionView revoke(@PathParam("id") String id) {
        return SessionView.of(sessions.revoke(request.caller(), id));
    }
}
