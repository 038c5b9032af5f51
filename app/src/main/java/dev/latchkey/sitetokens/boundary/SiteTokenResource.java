package dev.latchkey.sitetokens.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.sitetokens.control.SiteTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /v1/sites/{site}/site-token}: creates the site token, or rolls it. */
@Path("v1/sites/{site}/site-token")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class SiteTokenResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    SiteTokens siteTokens;

    @PathParam("site")
    String siteId;

    @POST
    @APIResponse(responseCode = "201", description = "The site token (shown once; any previous one stops working)",
            content = @Content(schema = @Schema(ref = "SiteTokenView")))
    public Response createOrRoll() {
        Caller caller = currentCaller.caller();
        var issued = siteTokens.createOrRoll(caller, sites.find(caller, siteId));
        return Response.status(Response.Status.CREATED).entity(new SiteTokenView(issued.credential().id(),
                issued.token(), issued.credential().last4(), issued.credential().createdAt())).build();
    }
}
