package dev.latchkey.sessions.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.members.control.Members;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.sessions.control.Sessions;
import dev.latchkey.sessions.entity.MemberSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A team owner's view of one member's sessions (revoked through {@code DELETE /v1/sessions/{id}}). */
@Path("v1/members/{id}/sessions")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class MemberSessionsResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Members members;

    @Inject
    Sessions sessions;

    @GET
    public ListView<SessionView> list(@PathParam("id") String memberId, @QueryParam("limit") String limit,
                                      @QueryParam("starting_after") String startingAfter) {
        var member = members.find(currentCaller.caller(), memberId);
        return ListView.of(sessions.list(member.id(), PageRequest.of(limit, startingAfter)), SessionView::of,
                MemberSession::id);
    }
}
