package dev.latchkey.teams.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.members.control.Members;
import dev.latchkey.teams.control.Teams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /v1/teams} (instance admin only) and {@code GET /v1/team} (the caller's own). */
@Path("v1")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamsResource {

    static final int FIRST_TOKEN_DAYS = 30;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Teams teams;

    @POST
    @Path("teams")
    @APIResponse(responseCode = "201", description = "The team, its owner and the owner's first token (shown once)",
            content = @Content(schema = @Schema(ref = "FoundedTeamView")))
    public Response create(@NotNull @Valid CreateTeamRequest body) {
        Caller caller = currentCaller.caller();
        var admin = caller.requireInstanceAdmin("create teams");
        // The new team's owner holds every permission: only a credential that holds them all may found one.
        Members.requireCoversRole(caller, Role.OWNER, "a team");
        var founded = teams.found(body.name(), body.ownerEmail(), body.ownerName(), FIRST_TOKEN_DAYS, false, admin.id());
        return Response.status(Response.Status.CREATED).entity(FoundedTeamView.of(founded)).build();
    }

    @GET
    @Path("team")
    public TeamView mine() {
        Caller caller = currentCaller.caller();
        return TeamView.of(teams.find(caller.teamId()));
    }
}
