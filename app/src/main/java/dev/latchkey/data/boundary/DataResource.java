package dev.latchkey.data.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.data.control.Documents;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/sites/{site}/data/{type}[/{id}]}: the site's documents, reached with the site's
 * own keys. Bodies are JSON objects of at most {@code latchkey.data.max-body-bytes} (64 KiB).
 */
@Path("v1/sites/{site}/data/{type}")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class DataResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    Documents documents;

    @Inject
    @ConfigProperty(name = "latchkey.data.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @PathParam("site")
    String siteId;

    @PathParam("type")
    String type;

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The document, created",
            content = @Content(schema = @Schema(ref = "DocumentView")))
    @APIResponse(responseCode = "200", description = "The document, replaced",
            content = @Content(schema = @Schema(ref = "DocumentView")))
    public Response put(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                        InputStream body) throws IOException {
        Caller caller = currentCaller.caller();
        Site site = sites.find(caller, siteId);
        Documents.Seen written = documents.put(caller, site, type, id, JsonObjectBody.read(body, length, maxBodyBytes));
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(DocumentView.of(written)).build();
    }

    @GET
    @Path("{id}")
    public DocumentView get(@PathParam("id") String id, @QueryParam("fields") String fields) {
        Caller caller = currentCaller.caller();
        return DocumentView.of(documents.get(caller, sites.find(caller, siteId), type, id, fields));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        documents.delete(caller, sites.find(caller, siteId), type, id);
        return Response.noContent().build();
    }

    @GET
    public ListView<DocumentView> list(@QueryParam("fields") String fields, @QueryParam("limit") String limit,
                                       @QueryParam("starting_after") String startingAfter) {
        Caller caller = currentCaller.caller();
        var page = documents.list(caller, sites.find(caller, siteId), type, fields,
                PageRequest.of(limit, startingAfter));
        return ListView.of(page, DocumentView::of, seen -> seen.document().id());
    }
}
