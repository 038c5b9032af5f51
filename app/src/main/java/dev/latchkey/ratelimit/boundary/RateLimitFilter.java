package dev.latchkey.ratelimit.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.problems.control.RateLimitedException;
import dev.latchkey.ratelimit.control.Decision;
import dev.latchkey.ratelimit.control.RateLimiter;
import dev.latchkey.usage.control.Measurements;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Applies the caller's rate limit right after authentication, and puts the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} headers
 * (and {@code Retry-After} on a 429) on every limited response.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String DECISION = "latchkey.ratelimit.decision";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RateLimiter limiter;

    @Inject
    Measurements measurements;

    @Override
    public void filter(ContainerRequestContext request) {
        currentCaller.callerIfAny().ifPresent(caller -> {
            Decision decision = limiter.request(caller);
            request.setProperty(DECISION, decision);
            if (!decision.allowed()) {
                measurements.rateLimited("credential");
                throw new RateLimitedException("Rate limit of " + decision.limit() + " requests exceeded; retry in "
                        + decision.retryAfterSeconds() + " s");
            }
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            headers(response, decision);
        }
    }

    /** Writes the rate-limit headers of a decision. */
    private static void headers(ContainerResponseContext response, Decision decision) {
        response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
        response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
        response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
        if (!decision.allowed()) {
            response.getHeaders().putSingle("Retry-After", decision.retryAfterSeconds());
        }
    }
}
