package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.ConnectFlow;
import dev.latchkey.connections.control.Connections;
import dev.latchkey.connections.control.Refresher;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.credentials.control.Caller;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.UnavailableException;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /v1/sites/{site}/connections}: connect a provider, list, refresh, disconnect. The
 * steps that call a provider are not one transaction (see {@link ConnectFlow}).
 */
@Path("v1/sites/{site}/connections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

    @Inject
    CurrentRequest request;

    @Inject
    Sites sites;

    @Inject
    Connections connections;

    @Inject
    ConnectFlow flow;

    @Inject
    Refresher refresher;

    @PathParam("site")
    String siteId;

    @POST
    public Response start(@NotNull @Valid StartConnectionRequest body) {
        Caller caller = request.caller();
        Site site = sites.find(caller, siteId);
        return Response.status(Response.Status.CREATED)
                .entity(StartedConnectionView.of(connections.start(caller, site, body.provider(), body.scopes())))
                .build();
    }

    @GET
    public ListView<ConnectionView> list() {
        Site site = sites.find(request.caller(), siteId);
        return new ListView<>(connections.list(site.id()).stream().map(ConnectionView::of).toList(), false, null);
    }

    @GET
    @Path("{provider}")
    public ConnectionView get(@PathParam("provider") String provider) {
        Site site = sites.find(request.caller(), siteId);
        return ConnectionView.of(connections.find(site.id(), provider));
    }

    /** Forces a refresh now, whatever the expiry. */
    @POST
    @Path("{provider}/refresh")
    public ConnectionView refresh(@PathParam("provider") String provider) {
        Site site = sites.find(request.caller(), siteId);
        Connection connection = connections.find(site.id(), provider);
        switch (refresher.refresh(connection.id(), true)) {
            case NOT_REFRESHABLE -> throw new ConflictException("This " + provider
                    + " connection cannot be refreshed (no refresh token, or it failed for good: reconnect)");
            case BUSY -> throw new ConflictException("A refresh of this connection is already under way");
            case FAILED -> throw new ConflictException(provider + " refused the refresh; the connection is now "
                    + "refresh_failed: reconnect it");
            case POSTPONED -> throw new UnavailableException(provider + " could not refresh now; it will be retried");
            default -> { }
        }
        return ConnectionView.of(refresher.load(connection.id()));
    }

    @DELETE
    @Path("{provider}")
    public ConnectFlow.Disconnected disconnect(@PathParam("provider") String provider) {
        Site site = sites.find(request.caller(), siteId);
        return flow.disconnect(connections.find(site.id(), provider));
    }
}
