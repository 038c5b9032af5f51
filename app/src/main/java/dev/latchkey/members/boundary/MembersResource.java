package dev.latchkey.members.boundary;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.control.Members;
import dev.latchkey.members.entity.Member;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.personaltokens.boundary.CreatePersonalTokenRequest;
import dev.latchkey.personaltokens.boundary.PersonalTokenView;
import dev.latchkey.personaltokens.control.PersonalTokens;
import dev.latchkey.problems.control.NotPermittedException;
import dev.latchkey.sessions.control.CurrentPasswords;
import dev.latchkey.sessions.control.Sessions;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The team's members, and first credentials for members an owner created. */
@Path("v1/members")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    CurrentRequest request;

    @Inject
    Members members;

    @Inject
    PersonalTokens personalTokens;

    @Inject
    MemberPasswords passwords;

    @Inject
    CurrentPasswords currentPasswords;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    @GET
    public ListView<MemberView> list(@QueryParam("limit") String limit,
                                     @QueryParam("starting_after") String startingAfter) {
        Caller caller = request.caller();
        return ListView.of(members.list(caller, PageRequest.of(limit, startingAfter)), MemberView::of, Member::id);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The member",
            content = @Content(schema = @Schema(ref = "MemberView")))
    public Response add(@NotNull @Valid CreateMemberRequest body) {
        Caller caller = request.caller();
        Member member = members.add(caller, body.email(), body.name(), body.role());
        if (body.password() != null) {
            passwords.set(member, body.password());
        }
        return Response.status(Response.Status.CREATED).entity(MemberView.of(member)).build();
    }

    @GET
    @Path("{id}")
    public MemberView get(@PathParam("id") String id) {
        return MemberView.of(members.find(request.caller(), id));
    }

    @PATCH
    @Path("{id}")
    public MemberView changeRole(@PathParam("id") String id, @NotNull @Valid ChangeRoleRequest body) {
        Caller caller = request.caller();
        return MemberView.of(members.changeRole(caller, id, body.role()));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") String id) {
        members.remove(request.caller(), id);
        return Response.noContent().build();
    }

    /**
     * Sets a password: members set their own; owners set those of members they added. Members
     * changing their own password from a console session confirm the current one (a browser left
     * signed in must not be enough to take the sign-in over); with a personal access token it is
     * checked when sent. Every other session of the member ends.
     */
    @PUT
    @Path("{id}/password")
    @APIResponse(responseCode = "204", description = "Password set")
    public Response setPassword(@PathParam("id") String id, @NotNull @Valid PasswordRequest body) {
        Caller caller = request.caller();
        Member member = members.find(caller, id);
        Caller.MemberRef actor = caller.requireMember();
        if (actor.id().equals(member.id())) {
            currentPasswords.confirm(caller, member, body.currentPassword());
        } else {
            caller.requireOwner("set other members' passwords");
            if (!actor.id().equals(member.createdBy())) {
                throw new NotPermittedException("Owners may set passwords only for members they added");
            }
            // Whoever knows the password signs in as the member: only someone who holds as much may set it.
            Members.requireCoversRole(caller, member.role(), "a member's password");
        }
        passwords.set(member, body.password());
        sessions.endAllBut(member.id(), caller.kind() == CredentialKind.SESSION ? caller.credentialId() : null,
                "password_changed");
        return Response.noContent().build();
    }

    /** An owner gives a member it created a first credential, before any console exists. */
    @POST
    @Path("{id}/personal-tokens")
    @APIResponse(responseCode = "201", description = "The token, with its secret (shown once)",
            content = @Content(schema = @Schema(ref = "PersonalTokenView")))
    public Response issueFor(@PathParam("id") String id, @NotNull @Valid CreatePersonalTokenRequest body) {
        Caller caller = request.caller();
        Member member = members.find(caller, id);
        Caller.MemberRef owner = caller.requireOwner("issue tokens for other members");
        if (!owner.id().equals(member.createdBy())) {
            throw new NotPermittedException("Owners may issue tokens only for members they added");
        }
        var issued = personalTokens.issue(caller, member, body.name(), body.expiresInDays(), body.permissions());
        return Response.status(Response.Status.CREATED)
                .entity(PersonalTokenView.withToken(issued.credential(), clock.instant(), issued.token()))
                .build();
    }
}
