package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.ConnectFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/connections/callback}: where providers send the user back. It needs no
 * credential; the single-use, expiring {@code state} is what protects it.
 */
@Path("v1/connections/callback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallbackResource {

    @Inject
    ConnectFlow flow;

    @GET
    public ConnectionView callback(@QueryParam("state") String state, @QueryParam("code") String code,
                                   @QueryParam("error") String error) {
        return ConnectionView.of(flow.callback(state, code, error));
    }
}
