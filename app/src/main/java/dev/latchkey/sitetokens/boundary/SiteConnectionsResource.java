package dev.latchkey.sitetokens.boundary;

import dev.latchkey.connections.boundary.ConnectionView;
import dev.latchkey.connections.control.Connections;
import dev.latchkey.connections.control.Refresher;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.problems.control.NotPermittedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /v1/site/connections}: what a build or function holding the site token reads. The
 * token of a connection is always valid now: refreshed first when it is about to expire.
 */
@Path("v1/site/connections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SiteConnectionsResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Connections connections;

    @Inject
    Refresher refresher;

    @GET
    public ListView<ConnectionView> list() {
        return new ListView<>(connections.list(siteOfToken()).stream().map(ConnectionView::of).toList(), false, null);
    }

    @GET
    @Path("{provider}")
    public ProviderTokenView token(@PathParam("provider") String provider) {
        Connection connection = connections.find(siteOfToken(), provider);
        return ProviderTokenView.of(refresher.load(connection.id()), refresher.fresh(connection.id()));
    }

    private String siteOfToken() {
        Caller caller = currentCaller.caller();
        if (caller.kind() != CredentialKind.SITE_TOKEN) {
            throw new NotPermittedException("These endpoints take the site token (st_…) of a site");
        }
        return caller.site().id();
    }
}
