package dev.latchkey.http.boundary;

import dev.latchkey.database.control.DatabaseUnavailable;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.problems.control.AuthorityRefusal;
import dev.latchkey.problems.control.ConcurrentChange;
import dev.latchkey.problems.control.DomainException;
import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.problems.control.StatusMessages;
import dev.latchkey.problems.control.UnmatchableInput;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves as the one error shape. Caller mistakes are logged at FINE; anything
 * unexpected at SEVERE with the request id, and the caller sees no internals.
 */
@Provider
public class ThrowableMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ThrowableMapper.class.getName());
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @Inject
    Problems problems;

    @Inject
    CurrentRequest request;

    @Inject
    Event<AuthorityRefusal> authorityRefusals;

    @Context
    UriInfo uriInfo;

    @Context
    Request httpRequest;

    @Override
    public Response toResponse(Throwable failure) {
        DomainException domain = find(failure, DomainException.class);
        if (domain != null) {
            LOG.log(Level.FINE, "{0} {1}: {2}", new Object[]{request.requestId(), domain.code(), domain.getMessage()});
            if (domain.lacksAuthority()) {
                // The one place every direct call refused for a missing permission or scope ends
                // (credentials count it as a refused use of the caller's credential).
                authorityRefusals.fire(new AuthorityRefusal(domain.code()));
            }
            Response response = problems.response(domain);
            return domain.retryAfterSeconds() == null ? response
                    : Response.fromResponse(response).header("Retry-After", domain.retryAfterSeconds()).build();
        }
        if (find(failure, JsonParsingException.class) != null || find(failure, JsonbException.class) != null) {
            return problems.response(ErrorCode.INVALID_REQUEST,
                    "The request body is not valid JSON, or a field has the wrong type");
        }
        if (failure instanceof WebApplicationException web) {
            return fromWebApplication(web);
        }
        if (DatabaseUnavailable.causedBy(failure)) {
            return databaseUnavailable(failure);
        }
        if (ConcurrentChange.isCause(failure)) {
            LOG.log(Level.FINE, "{0} conflict at commit: {1}", new Object[]{request.requestId(), failure});
            return problems.response(ErrorCode.CONFLICT,
                    "The change clashes with another one made at the same time or already made (a name or id in use);"
                            + " read the current state and retry");
        }
        if (UnmatchableInput.isCause(failure)) {
            LOG.log(Level.WARNING, request.requestId() + " input reached a query unchecked", failure);
            return problems.response(ErrorCode.INVALID_REQUEST,
                    "The request holds characters no identifier has (identifiers are printable ASCII)");
        }
        LOG.log(Level.SEVERE, request.requestId() + " unexpected failure", failure);
        return problems.response(ErrorCode.INTERNAL_ERROR,
                "An unexpected error occurred; quote the request id when reporting it");
    }

    private Response fromWebApplication(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        String where = httpRequest.getMethod() + " /" + uriInfo.getPath(false).replaceFirst("^/", "");
        String message = StatusMessages.of(code, where);
        if (status >= 500) {
            LOG.log(Level.SEVERE, request.requestId() + " server error", web);
        }
        Response response = problems.response(code, message);
        if (code == ErrorCode.METHOD_NOT_ALLOWED && web.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", web.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    /** One line per failed request (no stack: the outage is the story, not the code path). */
    private Response databaseUnavailable(Throwable failure) {
        LOG.log(Level.WARNING, "{0} database unavailable: {1}",
                new Object[]{request.requestId(), DatabaseUnavailable.summary(failure)});
        return Response.fromResponse(problems.response(ErrorCode.UNAVAILABLE,
                        "The service is temporarily unavailable; retry shortly"))
                .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
