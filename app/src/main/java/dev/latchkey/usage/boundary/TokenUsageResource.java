package dev.latchkey.usage.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.tokens.control.ApiTokens;
import dev.latchkey.usage.control.Usage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/sites/{site}/tokens/{id}/usage}: uses per UTC day split by outcome, newest first (90 days).
 */
@Path("v1/sites/{site}/tokens/{id}/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenUsageResource {

    static final int DAYS = 90;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    ApiTokens tokens;

    @Inject
    Usage usage;

    @GET
    public ListView<Usage.Day> daily(@PathParam("site") String siteId, @PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        var token = tokens.find(caller, sites.find(caller, siteId), id);
        return new ListView<>(usage.daily(token.id(), DAYS), false, null);
    }
}
