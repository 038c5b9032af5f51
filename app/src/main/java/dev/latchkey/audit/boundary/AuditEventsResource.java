package dev.latchkey.audit.boundary;

import dev.latchkey.audit.control.AuditFilter;
import dev.latchkey.audit.control.AuditTrail;
import dev.latchkey.audit.control.Checkpoint;
import dev.latchkey.audit.entity.AuditEvent;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The team's audit log: query, NDJSON export, and chain verification. Members only. */
@Path("v1/audit-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail trail;

    @GET
    public ListView<AuditEventView> list(@QueryParam("site") String site, @QueryParam("action") String action,
                                         @QueryParam("actor") String actor, @QueryParam("target") String target,
                                         @QueryParam("since") String since, @QueryParam("until") String until,
                                         @QueryParam("limit") String limit,
                                         @QueryParam("starting_after") String startingAfter) {
        Caller caller = reader();
        var filter = AuditFilter.of(caller.teamId(), site, action, actor, target, since, until);
        return ListView.of(trail.list(filter, PageRequest.of(limit, startingAfter)), AuditEventView::of,
                AuditEvent::id);
    }

    /** Oldest first, one JSON object per line, streamed: fit for millions of events. */
    @GET
    @Path("export")
    @Produces({NDJSON, MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "One AuditEventView per line, oldest first",
            content = @Content(mediaType = NDJSON, schema = @Schema(ref = "AuditEventView")))
    public Response export(@QueryParam("site") String site, @QueryParam("action") String action,
                           @QueryParam("actor") String actor, @QueryParam("target") String target,
                           @QueryParam("since") String since, @QueryParam("until") String until) {
        Caller caller = reader();
        var filter = AuditFilter.of(caller.teamId(), site, action, actor, target, since, until);
        StreamingOutput body = output -> {
            var writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            try {
                trail.export(filter, event -> {
                    try {
                        writer.write(AuditEventView.of(event).toJsonLine());
                        writer.write('\n');
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, NDJSON).build();
    }

    /** With {@code checkpoint} (as an earlier verification returned it), also proves no rollback past it. */
    @GET
    @Path("verify")
    public VerificationView verify(@QueryParam("since") String since, @QueryParam("until") String until,
                                   @QueryParam("checkpoint") String checkpoint) {
        Caller caller = reader();
        var range = AuditFilter.of(caller.teamId(), null, null, null, null, since, until);
        return VerificationView.of(trail.verify(range, checkpoint == null ? null : Checkpoint.parse(checkpoint)));
    }

    private Caller reader() {
        Caller caller = currentCaller.caller();
        caller.requireMember();
        return caller;
    }
}
