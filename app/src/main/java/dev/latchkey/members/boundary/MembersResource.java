package dev.latchkey.members.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.control.Members;
import dev.latchkey.members.entity.Member;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The team's members. A member's password ({@code sessions.boundary}) and the first personal
 * token of a member an owner created ({@code personaltokens.boundary}) have resources of their own.
 */
@Path("v1/members")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Members members;

    @Inject
    MemberPasswords passwords;

    @GET
    public ListView<MemberView> list(@QueryParam("limit") String limit,
                                     @QueryParam("starting_after") String startingAfter) {
        Caller caller = currentCaller.caller();
        return ListView.of(members.list(caller, PageRequest.of(limit, startingAfter)), MemberView::of, Member::id);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The member",
            content = @Content(schema = @Schema(ref = "MemberView")))
    public Response add(@NotNull @Valid CreateMemberRequest body) {
        Caller caller = currentCaller.caller();
        Member member = members.add(caller, body.email(), body.name(), body.role());
        if (body.password() != null) {
            passwords.set(member, body.password());
        }
        return Response.status(Response.Status.CREATED).entity(MemberView.of(member)).build();
    }

    @GET
    @Path("{id}")
    public MemberView get(@PathParam("id") String id) {
        return MemberView.of(members.find(currentCaller.caller(), id));
    }

    @PATCH
    @Path("{id}")
    public MemberView changeRole(@PathParam("id") String id, @NotNull @Valid ChangeRoleRequest body) {
        Caller caller = currentCaller.caller();
        return MemberView.of(members.changeRole(caller, id, body.role()));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") String id) {
        members.remove(currentCaller.caller(), id);
        return Response.noContent().build();
    }
}
