package dev.latchkey.http.boundary;

import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.problems.control.NoSuchResourceException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A path parameter that no identifier can be ({@link Ids#isStorable}) names nothing: 404 before it
 * reaches a query (where MariaDB would refuse to compare it with an ASCII column: a 500).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class PathIdentifierFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        request.getUriInfo().getPathParameters(true).forEach((name, values) -> values.forEach(value -> {
            if (!Ids.isStorable(value)) {
                throw new NoSuchResourceException("No such " + name + ": the path holds no valid identifier there"
                        + " (printable ASCII, at most 128 characters)");
            }
        }));
    }
}
