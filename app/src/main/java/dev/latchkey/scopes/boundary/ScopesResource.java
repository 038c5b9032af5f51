package dev.latchkey.scopes.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.scopes.control.Scopes;
import dev.latchkey.scopes.entity.Scope;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/sites/{site}/scopes}: named sets of restricted fields. Deleting is for owners. */
@Path("v1/sites/{site}/scopes")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScopesResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    Scopes scopes;

    @PathParam("site")
    String siteId;

    @POST
    @APIResponse(responseCode = "201", description = "The scope",
            content = @Content(schema = @Schema(ref = "ScopeView")))
    public Response create(@NotNull @Valid ScopeRequest body) {
        Site site = site();
        return Response.status(Response.Status.CREATED)
                .entity(ScopeView.of(scopes.create(site, body.name().trim(), body.fields()))).build();
    }

    @GET
    public ListView<ScopeView> list(@QueryParam("filter") String filter, @QueryParam("limit") String limit,
                                    @QueryParam("starting_after") String startingAfter) {
        Site site = site();
        return ListView.of(scopes.list(site, filter, PageRequest.of(limit, startingAfter)), ScopeView::of, Scope::id);
    }

    @GET
    @Path("{id}")
    public ScopeView get(@PathParam("id") String id) {
        return ScopeView.of(scopes.find(site(), id));
    }

    @PUT
    @Path("{id}")
    public ScopeView update(@PathParam("id") String id, @NotNull @Valid ScopeRequest body) {
        return ScopeView.of(scopes.update(site(), id, body.name().trim(), body.fields()));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        scopes.delete(caller, sites.find(caller, siteId), id);
        return Response.noContent().build();
    }

    /** Which credentials hold the scope (ids and names only): who a change would affect. */
    @GET
    @Path("{id}/tokens")
    public ListView<ScopeHolderView> holders(@PathParam("id") String id) {
        List<ScopeHolderView> holders = scopes.holders(site(), id).stream()
                .map(c -> new ScopeHolderView(c.id(), c.name())).toList();
        return new ListView<>(holders, false, null);
    }

    private Site site() {
        Caller caller = currentCaller.caller();
        return sites.find(caller, siteId);
    }
}
