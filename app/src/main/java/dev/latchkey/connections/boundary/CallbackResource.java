package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.ConnectFlow;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.http.boundary.HtmlPage;
import dev.latchkey.problems.control.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /v1/connections/callback}: where providers send the user back. It needs no
 * credential; the single-use, expiring {@code state} is what protects it. A program gets the
 * connection as JSON; a browser (one that asks for HTML first) gets a short page saying what
 * happened, with a link back to the site's connections in the console, instead of raw JSON.
 */
@Path("v1/connections/callback")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
public class CallbackResource {

    @Inject
    ConnectFlow flow;

    @Context
    HttpHeaders headers;

    @GET
    @APIResponse(responseCode = "200", description = "The connection (JSON), or for a browser a page saying so",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConnectionView")),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type =
                            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error) {
        if (!browser()) {
            return Response.ok(ConnectionView.of(flow.callback(state, code, error)), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        try {
            return HtmlPage.respond(Response.ok(), connected(flow.callback(state, code, error)), null).build();
        } catch (DomainException refused) {
            return HtmlPage.respond(Response.status(refused.code().status()), notConnected(refused), null).build();
        }
    }

    private boolean browser() {
        var acceptable = headers.getAcceptableMediaTypes();
        return !acceptable.isEmpty() && acceptable.get(0).isCompatible(MediaType.TEXT_HTML_TYPE)
                && !acceptable.get(0).isWildcardType();
    }

    private static String connected(Connection connection) {
        String account = connection.accountName() == null ? "" : " as <strong>" + HtmlPage.escape(
                connection.accountName()) + "</strong>";
        return HtmlPage.render("Connected", "<h1>Connected</h1><p><strong>" + HtmlPage.escape(connection.provider())
                + "</strong> is connected" + account + ".</p><p>You can close this tab, or <a href=\"/console/#/sites/"
                + HtmlPage.escape(connection.siteId()) + "/connections\">go to the site's connections</a>.</p>");
    }

    private static String notConnected(DomainException refused) {
        return HtmlPage.render("Not connected", "<h1>Not connected</h1><p class=\"problem\" role=\"alert\">"
                + HtmlPage.escape(refused.getMessage()) + "</p><p>Start again from the console: "
                + "<a href=\"/console/\">open the console</a>.</p>");
    }
}
