package dev.latchkey.usage.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.http.control.JsonP;
import dev.latchkey.usage.control.AccessLog;
import dev.latchkey.usage.control.Measurements;
import dev.latchkey.usage.control.UsageCounter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * One JSON line per request: when, which request, what (method and path template — never
 * the query or path values), the outcome and latency, and who (credential public id and kind,
 * team, site, client address, user agent). Never a secret: tokens appear nowhere in it. Every
 * request is also timed per route, and a key's direct calls counted per route and day (its usage).
 */
@Provider
@Priority(Priorities.USER + 1000)
public class AccessLogFilter implements ContainerResponseFilter {

    @Inject
    CurrentRequest current;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessLog log;

    @Context
    ResourceInfo resource;

    @Inject
    Measurements measurements;

    @Inject
    UsageCounter usage;

    /** Path templates by resource method, computed once each. */
    private static final java.util.concurrent.ConcurrentHashMap<java.lang.reflect.Method, String> TEMPLATES =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String template = template();
        measurements.request(request.getMethod(), template, response.getStatus(),
                java.time.Duration.ofNanos(current.elapsedMicros() * 1000));
        Caller authenticated = currentCaller.callerIfAny().orElse(null);
        if (authenticated != null && countsRoutes(authenticated) && resource != null
                && resource.getResourceMethod() != null) {
            usage.called(authenticated.credentialId(), request.getMethod() + " " + template, Instant.now());
        }
        if (!log.enabled()) {
            return;
        }
        JsonObjectBuilder line = JsonP.createObjectBuilder()
                .add("time", Instant.now().toString())
                .add("request_id", current.requestId())
                .add("method", request.getMethod())
                .add("path", template)
                .add("status", response.getStatus())
                .add("latency_ms", current.elapsedMicros() / 1000.0);
        if (authenticated != null) {
            line.add("credential_id", authenticated.credentialId());
            line.add("credential_kind", authenticated.kind().wireName());
            line.add("team_id", authenticated.teamId());
            if (authenticated.site() != null) {
                line.add("site_id", authenticated.site().id());
            }
        }
        add(line, "client_ip", current.clientAddress());
        add(line, "user_agent", current.userAgent());
        log.write(line.build().toString());
    }

    /** Keys' direct calls are counted by route: API keys and verifier keys, the credentials usage reports on. */
    private static boolean countsRoutes(Caller caller) {
        return caller.credentialId() != null
                && (caller.kind() == CredentialKind.API_TOKEN || caller.kind() == CredentialKind.VERIFIER);
    }

    /** The matched resource's path template, such as {@code /v1/sites/{site}/tokens/{id}}. */
    private String template() {
        if (resource == null || resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return "(unmatched)";
        }
        Class<?> resourceClass = resource.getResourceClass();
        return TEMPLATES.computeIfAbsent(resource.getResourceMethod(), method -> template(resourceClass, method));
    }

    private static String template(Class<?> resourceClass, java.lang.reflect.Method resourceMethod) {
        Path type = resourceClass.getAnnotation(Path.class);
        Path method = resourceMethod.getAnnotation(Path.class);
        String joined = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return "/" + joined.replaceAll("/+", "/").replaceAll("^/|/$", "");
    }

    private static void add(JsonObjectBuilder line, String name, String value) {
        if (value != null) {
            line.add(name, value.length() > 512 ? value.substring(0, 512) : value);
        }
    }
}
