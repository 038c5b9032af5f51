package dev.latchkey.idempotency.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.http.control.Json;
import dev.latchkey.idempotency.control.IdempotencyKeys;
import dev.latchkey.idempotency.entity.IdempotencyRecord;
import dev.latchkey.problems.control.ConcurrentChange;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} on every authenticated {@code POST}, as Stripe does it: the key is claimed
 * before the resource runs (after authentication, the access policy and the rate limit), and what
 * the resource answered is stored after; a retry with the same key and body gets that answer again,
 * marked {@code Idempotent-Replayed: true}. A 5xx or a 429 is not stored: the request may not have
 * run, so the key is released for a retry to run it.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIMED = "latchkey.idempotency.claimed";
    /** Read in full to hash it; the body guards still enforce their own, smaller limits after. */
    private static final int MAX_HASHED_BYTES = 2 << 20;
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    @Inject
    CurrentRequest current;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    IdempotencyKeys keys;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        var caller = currentCaller.callerIfAny();
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || caller.isEmpty()) {
            return;
        }
        if (key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw new InvalidInputException(HEADER, HEADER + " must be 1 to " + IdempotencyKeys.MAX_KEY_LENGTH
                    + " characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readNBytes(MAX_HASHED_BYTES) : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String route = "POST /" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        IdempotencyKeys.Start start;
        try {
            start = keys.begin(caller.get().credentialId(), route, key, body);
        } catch (RuntimeException e) {
            if (ConcurrentChange.isCause(e)) {
                throw IdempotencyKeys.inFlight();
            }
            throw e;
        }
        if (start instanceof IdempotencyKeys.Replay replay) {
            Response.ResponseBuilder answer = Response.status(replay.status()).header(REPLAYED, "true");
            if (replay.body() != null) {
                answer.type(MediaType.APPLICATION_JSON_TYPE).entity(replay.body());
            }
            if (replay.location() != null) {
                answer.header(HttpHeaders.LOCATION, replay.location());
            }
            request.abortWith(answer.build());
        } else if (start instanceof IdempotencyKeys.Proceed proceed) {
            request.setProperty(CLAIMED, proceed.id());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof IdempotencyRecord.Id id)) {
            return;
        }
        int status = response.getStatus();
        try {
            if (status >= 500 || status == Response.Status.TOO_MANY_REQUESTS.getStatusCode()) {
                keys.release(id);
                return;
            }
            Object entity = response.getEntity();
            String body = entity == null ? null : entity instanceof String text ? text : Json.JSONB.toJson(entity);
            keys.complete(id, status, body, response.getHeaderString(HttpHeaders.LOCATION));
        } catch (RuntimeException e) {
            // The use case has run and committed; its answer still goes out. A retry gets 409 (in
            // flight) until the key expires, never a second run.
            LOG.log(Level.WARNING, current.requestId() + " could not store the outcome of an idempotent request", e);
        }
    }
}
