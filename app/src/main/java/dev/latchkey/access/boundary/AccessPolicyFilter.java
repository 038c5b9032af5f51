package dev.latchkey.access.boundary;

import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.RouteRules;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.problems.control.NotPermittedException;
import dev.latchkey.sites.control.Sites;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Enforces the {@link dev.latchkey.access.control.AccessPolicy} on every request, after
 * authentication and before the resource: a route the table does not name is refused, and so
 * is a caller the route's rule does not admit. A site the caller cannot reach at all answers
 * 404 first, as if it did not exist.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessPolicyFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessPolicyFilter.class.getName());

    @Context
    ResourceInfo resource;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        var resolved = RouteRules.of(resource.getResourceClass(), resource.getResourceMethod());
        AccessRule rule = resolved.rule().orElseThrow(() -> {
            LOG.severe(() -> "No access rule for " + resolved.route() + "; refused. Add it to AccessPolicy.");
            return new NotPermittedException("This route has no access rule");
        });
        if (rule.isPublic()) {
            return;
        }
        Caller caller = currentCaller.caller();
        if (resolved.route().has("site")) {
            requireReach(caller, request.getUriInfo().getPathParameters().getFirst("site"));
        }
        rule.refusal(caller).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /**
     * A site the caller cannot reach answers 404 before anything else is looked at (not even the
     * body): as if it did not exist. A site-bound credential is compared by id, with no lookup.
     */
    private void requireReach(Caller caller, String siteId) {
        if (caller.site() != null) {
            if (!caller.site().id().equals(siteId)) {
                throw new NoSuchResourceException("site", siteId);
            }
        } else {
            sites.find(caller, siteId);
        }
    }
}
