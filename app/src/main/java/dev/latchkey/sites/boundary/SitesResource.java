package dev.latchkey.sites.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/sites}: create, list, read and delete the team's sites. */
@Path("v1/sites")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SitesResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @POST
    @APIResponse(responseCode = "201", description = "The site",
            content = @Content(schema = @Schema(ref = "SiteView")))
    public Response create(@NotNull @Valid CreateSiteRequest body) {
        Caller caller = currentCaller.caller();
        return Response.status(Response.Status.CREATED).entity(SiteView.of(sites.create(caller, body.name()))).build();
    }

    @GET
    public ListView<SiteView> list(@QueryParam("limit") String limit,
                                   @QueryParam("starting_after") String startingAfter) {
        Caller caller = currentCaller.caller();
        return ListView.of(sites.list(caller, PageRequest.of(limit, startingAfter)), SiteView::of, Site::id);
    }

    @GET
    @Path("{site}")
    public SiteView get(@PathParam("site") String siteId) {
        return SiteView.of(sites.find(currentCaller.caller(), siteId));
    }

    @DELETE
    @Path("{site}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("site") String siteId) {
        sites.delete(currentCaller.caller(), siteId);
        return Response.noContent().build();
    }
}
