package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.ConnectFlow;
import dev.latchkey.connections.control.Connections;
import dev.latchkey.connections.control.Refresher;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.RateLimitedException;
import dev.latchkey.problems.control.ReconnectRequiredException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    Connections connections;

    @Inject
    ConnectFlow flow;

    @Inject
    Refresher refresher;

    @Inject
    Clock clock;

    @PathParam("site")
    String siteId;

    @POST
    @APIResponse(responseCode = "201", description = "Where to send the user to grant access",
            content = @Content(schema = @Schema(ref = "StartedConnectionView")))
    public Response start(@NotNull @Valid StartConnectionRequest body) {
        Caller caller = currentCaller.caller();
        Site site = sites.find(caller, siteId);
        return Response.status(Response.Status.CREATED)
                .entity(StartedConnectionView.of(connections.start(caller, site, body.provider(), body.scopes())))
                .build();
    }

    @GET
    public ListView<ConnectionView> list() {
        Site site = sites.find(currentCaller.caller(), siteId);
        return new ListView<>(connections.list(site.id()).stream().map(ConnectionView::of).toList(), false, null);
    }

    @GET
    @Path("{provider}")
    public ConnectionView get(@PathParam("provider") String provider) {
        Site site = sites.find(currentCaller.caller(), siteId);
        return ConnectionView.of(connections.find(site.id(), provider));
    }

    /**
     * Forces a refresh now, whatever the expiry; a connection without a refresh token is checked
     * with the provider instead, where it offers a check. A back-off in force (the provider's
     * {@code Retry-After} included) is respected: 429 with {@code Retry-After}.
     */
    @POST
    @Path("{provider}/refresh")
    public ConnectionView refresh(@PathParam("provider") String provider) {
        Site site = sites.find(currentCaller.caller(), siteId);
        Connection connection = connections.find(site.id(), provider);
        Refresher.Outcome outcome = refresher.refresh(connection.id(), true);
        Connection now = refresher.load(connection.id());
        switch (outcome) {
            case NOT_REFRESHABLE -> notRefreshable(now);
            case BUSY -> throw new ConflictException("A refresh of this connection is already under way");
            case FAILED -> throw new ReconnectRequiredException(now.statusReason());
            case BACKING_OFF -> throw new RateLimitedException(provider + " is not asked again before "
                    + now.nextAttemptAt() + " (the last attempt failed: " + now.lastError() + ")", untilNextAttempt(now));
            case RATE_LIMITED -> throw new RateLimitedException(provider + " asked to wait; " + retried(now),
                    untilNextAttempt(now));
            case POSTPONED -> throw new UnavailableException(provider + " could not refresh now (" + now.lastError()
                    + "); " + retried(now), untilNextAttempt(now));
            default -> { }
        }
        return ConnectionView.of(refresher.load(connection.id()));
    }

    private void notRefreshable(Connection connection) {
        if (!connection.active()) {
            throw new ReconnectRequiredException(connection.statusReason());
        }
        if (!refresher.check(connection.id())) {
            throw new ConflictException("This " + connection.provider() + " connection has no refresh token and "
                    + connection.provider() + " offers no way to check its token: there is nothing to refresh");
        }
        Connection checked = refresher.load(connection.id());
        if (!checked.active()) {
            throw new ReconnectRequiredException(checked.statusReason());
        }
    }

    /** What happens next, truthfully: a token that expires is retried; one that does not is left in use. */
    private static String retried(Connection connection) {
        return connection.expiresAt() == null
                ? "the current token does not expire and stays in use; nothing retries on its own"
                : "it is retried at " + connection.nextAttemptAt() + ", and the current token is handed out while it is valid";
    }

    private Duration untilNextAttempt(Connection connection) {
        return connection.nextAttemptAt() == null ? null : Duration.between(clock.instant(), connection.nextAttemptAt());
    }

    /**
     * Disconnects: revokes at the provider what {@code revoke} says ({@code token}, {@code account}
     * or {@code none}; without it only what this connection owns), then deletes the connection.
     */
    @DELETE
    @Path("{provider}")
    public ConnectFlow.Disconnected disconnect(@PathParam("provider") String provider,
                                              @QueryParam("revoke") String revoke) {
        Site site = sites.find(currentCaller.caller(), siteId);
        return flow.disconnect(connections.find(site.id(), provider), revoke);
    }
}
