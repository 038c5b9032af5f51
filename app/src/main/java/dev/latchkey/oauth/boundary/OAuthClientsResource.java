package dev.latchkey.oauth.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.oauth.control.OAuthClients;
import dev.latchkey.oauth.entity.OAuthClient;
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

/** {@code /v1/sites/{site}/oauth-clients}: register, list, read, delete clients, and roll secrets. */
@Path("v1/sites/{site}/oauth-clients")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OAuthClientsResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    OAuthClients clients;

    @PathParam("site")
    String siteId;

    @POST
    @APIResponse(responseCode = "201", description = "The client, with its secret (shown once)",
            content = @Content(schema = @Schema(ref = "OAuthClientView")))
    public Response create(@NotNull @Valid CreateOAuthClientRequest body) {
        Caller caller = currentCaller.caller();
        var registered = clients.create(caller, sites.find(caller, siteId), new OAuthClients.Spec(body.name(),
                body.type(), body.environment() == null ? Environment.LIVE : Environment.parse(body.environment()),
                body.redirectUris(), body.grantTypes(), body.scopes(),
                body.jwks() == null ? null : dev.latchkey.http.control.Json.JSONB.toJson(body.jwks()),
                body.allowedOrigins()));
        return Response.status(Response.Status.CREATED)
                .entity(OAuthClientView.of(registered.client(), registered.secret())).build();
    }

    @GET
    public ListView<OAuthClientView> list(@QueryParam("limit") String limit,
                                          @QueryParam("starting_after") String startingAfter) {
        Site site = site();
        return ListView.of(clients.list(site, PageRequest.of(limit, startingAfter)), c -> OAuthClientView.of(c, null),
                OAuthClient::id);
    }

    @GET
    @Path("{id}")
    public OAuthClientView get(@PathParam("id") String id) {
        return OAuthClientView.of(clients.find(site(), id), null);
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        clients.delete(site(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @APIResponse(responseCode = "201", description = "The client, with its new secret (shown once)",
            content = @Content(schema = @Schema(ref = "OAuthClientView")))
    public Response rollSecret(@PathParam("id") String id) {
        var registered = clients.rollSecret(site(), id);
        return Response.status(Response.Status.CREATED)
                .entity(OAuthClientView.of(registered.client(), registered.secret())).build();
    }

    private Site site() {
        Caller caller = currentCaller.caller();
        return sites.find(caller, siteId);
    }
}
