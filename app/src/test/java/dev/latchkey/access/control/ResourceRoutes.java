package dev.latchkey.access.control;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every route the application serves, read off its compiled resource classes the way JAX-RS
 * builds its resource model: each {@code @Path} class under {@code dev.latchkey}, each method
 * with an HTTP-method annotation.
 */
public final class ResourceRoutes {

    /** A route and the resource method serving it. */
    public record Served(Route route, Class<?> resource, Method method) {
    }

    private ResourceRoutes() {
    }

    public static List<Served> all() {
        try {
            var classes = java.nio.file.Path.of(AccessPolicy.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                        .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .filter(name -> name.startsWith("dev.latchkey."))
                        .map(ResourceRoutes::load)
                        .filter(type -> type.isAnnotationPresent(Path.class))
                        .flatMap(type -> Stream.of(type.getDeclaredMethods())
                                .flatMap(m -> Route.of(type, m).map(r -> new Served(r, type, m)).stream()))
                        .sorted(Comparator.comparing(s -> s.route().template() + " " + s.route().method()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceRoutes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
