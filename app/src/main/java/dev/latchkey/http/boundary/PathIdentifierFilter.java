package dev.latchkey.http.boundary;

import dev.latchkey.problems.control.NoSuchResourceException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Every identifier Latchkey hands out or accepts in a path (ids, document ids, type and provider
 * names) is printable ASCII of at most 128 characters, as the database stores them; a path
 * parameter that is not cannot name anything, and answers 404 before it reaches a query (where
 * MariaDB would refuse to compare it with an ASCII column).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class PathIdentifierFilter implements ContainerRequestFilter {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Override
    public void filter(ContainerRequestContext request) {
        request.getUriInfo().getPathParameters(true).forEach((name, values) -> values.forEach(value -> {
            if (!IDENTIFIER.matcher(value).matches()) {
                throw new NoSuchResourceException("No such " + name + ": the path holds no valid identifier there"
                        + " (printable ASCII, at most 128 characters)");
            }
        }));
    }
}
