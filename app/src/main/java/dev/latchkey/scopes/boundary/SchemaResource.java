package dev.latchkey.scopes.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.scopes.control.Schema;
import dev.latchkey.scopes.control.Schemas;
import dev.latchkey.sites.control.Sites;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/sites/{site}/schema}: the types and fields of the site's data. */
@Path("v1/sites/{site}/schema")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchemaResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    Schemas schemas;

    @PathParam("site")
    String siteId;

    @GET
    public SchemaView get() {
        Caller caller = currentCaller.caller();
        return SchemaView.of(schemas.of(sites.find(caller, siteId)));
    }

    @PUT
    public SchemaView replace(@NotNull @Valid SchemaRequest body) {
        Caller caller = currentCaller.caller();
        return SchemaView.of(schemas.replace(sites.find(caller, siteId), Schema.of(body.types())));
    }
}
