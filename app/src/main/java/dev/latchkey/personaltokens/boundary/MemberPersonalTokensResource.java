package dev.latchkey.personaltokens.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.members.control.Members;
import dev.latchkey.members.entity.Member;
import dev.latchkey.personaltokens.control.PersonalTokens;
import dev.latchkey.problems.control.NotPermittedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** First credentials for members an owner created (personal tokens depend on members, not the reverse). */
@Path("v1/members/{id}/personal-tokens")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberPersonalTokensResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Members members;

    @Inject
    PersonalTokens personalTokens;

    @Inject
    Clock clock;

    /** An owner gives a member it created a first credential, before any console exists. */
    @POST
    @APIResponse(responseCode = "201", description = "The token, with its secret (shown once)",
            content = @Content(schema = @Schema(ref = "PersonalTokenView")))
    public Response issueFor(@PathParam("id") String id, @NotNull @Valid CreatePersonalTokenRequest body) {
        Caller caller = currentCaller.caller();
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
