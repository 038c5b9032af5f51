package dev.latchkey.personaltokens.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.members.control.Members;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.personaltokens.control.PersonalTokens;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The calling member's own personal access tokens. */
@Path("v1/personal-tokens")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonalTokensResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PersonalTokens tokens;

    @Inject
    Members members;

    @Inject
    Clock clock;

    @POST
    @APIResponse(responseCode = "201", description = "The token, with its secret (shown once)",
            content = @Content(schema = @Schema(ref = "PersonalTokenView")))
    public Response create(@NotNull @Valid CreatePersonalTokenRequest body) {
        Caller caller = currentCaller.caller();
        var member = members.find(caller, caller.requireMember().id());
        var issued = tokens.issue(caller, member, body.name(), body.expiresInDays(), body.permissions());
        return Response.status(Response.Status.CREATED)
                .entity(PersonalTokenView.withToken(issued.credential(), clock.instant(), issued.token()))
                .build();
    }

    @GET
    public ListView<PersonalTokenView> list(@QueryParam("limit") String limit,
                                            @QueryParam("starting_after") String startingAfter) {
        Caller caller = currentCaller.caller();
        var page = tokens.list(caller.requireMember().id(), PageRequest.of(limit, startingAfter));
        var now = clock.instant();
        return ListView.of(page, c -> PersonalTokenView.of(c, now), c -> c.id());
    }

    @GET
    @Path("{id}")
    public PersonalTokenView get(@PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        return PersonalTokenView.of(tokens.find(caller.requireMember().id(), id), clock.instant());
    }

    @DELETE
    @Path("{id}")
    public PersonalTokenView revoke(@PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        return PersonalTokenView.of(tokens.revoke(caller.requireMember().id(), id), clock.instant());
    }
}
