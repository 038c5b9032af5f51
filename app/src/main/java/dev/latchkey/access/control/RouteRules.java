package dev.latchkey.access.control;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The route and access rule of each resource method, worked out once per method. */
public final class RouteRules {

    /** A resource method's route and its rule (empty: the table has none, the route is refused). */
    public record Resolved(Route route, Optional<AccessRule> rule) {
    }

    private static final Map<Method, Resolved> RESOLVED = new ConcurrentHashMap<>();

    private RouteRules() {
    }

    public static Resolved of(Class<?> resource, Method method) {
        return RESOLVED.computeIfAbsent(method, m -> {
            Route route = Route.of(resource, m).orElseThrow(
                    () -> new IllegalStateException(m + " is not a resource method"));
            return new Resolved(route, AccessPolicy.ruleFor(route));
        });
    }
}
