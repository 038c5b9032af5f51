package dev.latchkey.oauth.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.oauth.control.Consents;
import dev.latchkey.oauth.entity.OAuthConsent;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The calling member's grants to OAuth clients (remembered consent); revoking one ends its tokens too. */
@Path("v1/oauth-grants")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class OAuthGrantsResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Consents consents;

    @GET
    public ListView<OAuthGrantView> list(@QueryParam("limit") String limit,
                                         @QueryParam("starting_after") String startingAfter) {
        return ListView.of(consents.list(currentCaller.caller().requireMember().id(), PageRequest.of(limit, startingAfter)),
                OAuthGrantView::of, OAuthConsent::id);
    }

    @DELETE
    @Path("{id}")
    public OAuthGrantView revoke(@PathParam("id") String id) {
        return OAuthGrantView.of(consents.revoke(currentCaller.caller(), id));
    }
}
