package dev.latchkey.access.boundary;

import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.RouteRules;
import dev.latchkey.http.boundary.JsonBodyGuard;
import dev.latchkey.http.control.Json;
import dev.latchkey.http.control.KnownFields;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A route that takes no body (creating or rolling the site token, rolling a client secret) refuses
 * a JSON body with fields, naming them: {@code {"providers": ["github"]}} on the site token
 * would otherwise be dropped while the caller believes the token restricted. No body, or {@code {}},
 * is fine. Runs after the access policy, so a caller who may not call the route learns nothing more;
 * public routes (the OAuth endpoints, which take forms and check their own credentials) are left alone.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class UnexpectedBodyFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resource.getResourceMethod();
        if (method == null || !request.hasEntity() || !JsonBodyGuard.isJson(request.getMediaType())
                || takesBody(method) || isPublic(method)) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(JsonBodyGuard.MAX_BYTES);
        request.setEntityStream(new ByteArrayInputStream(body));
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return;
        }
        JsonValue value;
        try {
            value = Json.JSONB.fromJson(text, JsonValue.class);
        } catch (JsonbException e) {
            throw new InvalidInputException("body", "This request takes no body");
        }
        if (value instanceof JsonObject object && object.isEmpty()) {
            return;
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException("body", "This request takes no body");
        }
        throw KnownFields.refused(List.copyOf(object.keySet()), " (it takes no body)");
    }

    private boolean isPublic(Method method) {
        return RouteRules.of(resource.getResourceClass(), method).rule().map(AccessRule::isPublic).orElse(true);
    }

    /** Whether a parameter receives the entity: one with no JAX-RS injection annotation. */
    static boolean takesBody(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            boolean injected = false;
            for (Annotation annotation : annotations) {
                String type = annotation.annotationType().getName();
                injected |= type.startsWith("jakarta.ws.rs.");
            }
            if (!injected) {
                return true;
            }
        }
        return false;
    }
}
