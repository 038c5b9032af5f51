package dev.latchkey.credentials.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The quickest "hello world": any valid credential may ask who it is. */
@Path("v1/whoami")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WhoamiResource {

    @Inject
    CurrentCaller currentCaller;

    @GET
    public WhoamiView whoami() {
        return WhoamiView.of(currentCaller.caller());
    }
}
