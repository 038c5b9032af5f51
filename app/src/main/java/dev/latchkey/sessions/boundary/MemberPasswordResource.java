package dev.latchkey.sessions.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.control.Members;
import dev.latchkey.members.entity.Member;
import dev.latchkey.problems.control.NotPermittedException;
import dev.latchkey.sessions.control.CurrentPasswords;
import dev.latchkey.sessions.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A member's password, set through the API (here rather than with the members resource because
 * setting one ends the member's other sessions, and sessions depend on members, not the reverse).
 */
@Path("v1/members/{id}/password")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberPasswordResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Members members;

    @Inject
    MemberPasswords passwords;

    @Inject
    CurrentPasswords currentPasswords;

    @Inject
    Sessions sessions;

    /**
     * Sets a password: members set their own; owners set those of members they added. Members
     * changing their own password from a console session confirm the current one (a browser left
     * signed in must not be enough to take the sign-in over); with a personal access token it is
     * checked when sent. Every other session of the member ends.
     */
    @PUT
    @APIResponse(responseCode = "204", description = "Password set")
    public Response setPassword(@PathParam("id") String id, @NotNull @Valid PasswordRequest body) {
        Caller caller = currentCaller.caller();
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
}
