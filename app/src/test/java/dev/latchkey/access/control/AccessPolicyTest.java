package dev.latchkey.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The policy table and the application's routes are the same set: a new route without a rule fails the build. */
class AccessPolicyTest {

    private static final Logger LOG = Logger.getLogger(AccessPolicyTest.class.getName());

    @Test
    void everyRouteHasExactlyOneRuleAndEveryRuleARoute() {
        List<ResourceRoutes.Served> served = ResourceRoutes.all();
        var routes = new HashSet<Route>();
        for (var s : served) {
            assertTrue(routes.add(s.route()), "two resource methods serve " + s.route());
            assertTrue(AccessPolicy.ruleFor(s.route()).isPresent(),
                    "no access rule for " + s.route() + " (" + s.resource().getSimpleName() + "." + s.method().getName()
                            + "): add it to AccessPolicy");
        }
        var stale = new HashSet<>(AccessPolicy.rules().keySet());
        stale.removeAll(routes);
        assertEquals(java.util.Set.of(), stale, "rules for routes nobody serves");
        assertTrue(routes.size() > 60, "the scan found only " + routes.size() + " routes");
        LOG.info(() -> routes.size() + " routes, each with its access rule");
    }

    @Test
    void routesAreReadFromTheResourceAnnotations() {
        var served = ResourceRoutes.all().stream().map(s -> s.route().toString()).toList();
        assertTrue(served.contains("POST /v1/sites/{site}/tokens/{id}/roll"), served.toString());
        assertTrue(served.contains("GET /.well-known/oauth-authorization-server"), served.toString());
    }
}
