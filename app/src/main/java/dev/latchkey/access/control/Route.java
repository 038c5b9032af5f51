package dev.latchkey.access.control;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/** One route of the API: an HTTP method and a path template, as the resource declares them. */
public record Route(String method, String template) {

    /** The route a resource method serves, or empty when it is not a resource method. */
    public static Optional<Route> of(Class<?> resource, Method javaMethod) {
        String http = null;
        for (Annotation annotation : javaMethod.getAnnotations()) {
            HttpMethod marker = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (marker != null) {
                http = marker.value();
            }
        }
        Path type = resource.getAnnotation(Path.class);
        if (http == null || type == null) {
            return Optional.empty();
        }
        Path own = javaMethod.getAnnotation(Path.class);
        return Optional.of(new Route(http, normalize(type.value() + "/" + (own == null ? "" : own.value()))));
    }

    /** {@code "POST /v1/sites/{site}/tokens"}. */
    public static Route parse(String text) {
        int space = text.indexOf(' ');
        return new Route(text.substring(0, space), normalize(text.substring(space + 1)));
    }

    /** Whether the template names this path parameter. */
    public boolean has(String parameter) {
        return template.contains("{" + parameter + "}");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }

    private static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
