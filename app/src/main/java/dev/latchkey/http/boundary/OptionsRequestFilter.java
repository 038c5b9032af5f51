package dev.latchkey.http.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Latchkey declares no OPTIONS route; the CORS preflights of the OAuth endpoints are answered
 * before this, by {@code dev.latchkey.oauth.boundary.CorsFilter}. Jersey would answer
 * one with its own generated handler, which has no route in the access policy (a 500); it is
 * refused here instead, 405 in the error shape.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 93)
public class OptionsRequestFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            throw new NotAllowedException(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .allow(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                            HttpMethod.DELETE)
                    .build());
        }
    }
}
