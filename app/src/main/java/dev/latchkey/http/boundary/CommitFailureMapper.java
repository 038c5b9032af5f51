package dev.latchkey.http.boundary;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A failure at commit of a {@code @Transactional} resource leaves as a
 * {@link TransactionalException}. Jersey's own mapper for that type rethrows it unless the cause
 * was a {@code WebApplicationException}, which ends as the container's HTML 500 page; this one,
 * of higher priority, hands it to {@link ThrowableMapper} like any other failure.
 */
@Provider
@Priority(1)
public class CommitFailureMapper implements ExceptionMapper<TransactionalException> {

    @Context
    Providers providers;

    @Override
    public Response toResponse(TransactionalException failure) {
        return providers.getExceptionMapper(Throwable.class).toResponse(failure);
    }
}
