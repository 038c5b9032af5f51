package dev.latchkey.usage.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.usage.control.Usage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/insights/onboarding}: time to hello world for the team's API tokens — the
 * median and p90 from creation to first successful call, and how many were never used.
 */
@Path("v1/insights/onboarding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Usage usage;

    @GET
    public Usage.Onboarding onboarding() {
        Caller caller = currentCaller.caller();
        caller.requireMember();
        return usage.onboarding(caller.teamId());
    }
}
