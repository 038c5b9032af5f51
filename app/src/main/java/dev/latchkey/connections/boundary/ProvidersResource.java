package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.ProviderRegistry;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.paging.boundary.ListView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/providers}: every installed provider, bundled or from a plugin jar, with its catalog. */
@Path("v1/providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ProviderRegistry registry;

    @GET
    public ListView<ProviderView> list() {
        currentCaller.caller();
        return new ListView<>(registry.all().stream().map(ProviderView::of).toList(), false, null);
    }
}
