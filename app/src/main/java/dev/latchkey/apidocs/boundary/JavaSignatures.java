package dev.latchkey.apidocs.boundary;

import dev.latchkey.access.control.Route;
import dev.latchkey.paging.boundary.ListView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the Java signatures of the resources say and Payara's scan leaves out: the item type of
 * a page ({@code ListView<SiteView>}), and the limits Bean Validation enforces on a request
 * record (read here, since the scanner crashes on them — see microprofile-config.properties).
 */
final class JavaSignatures {

    private static final Set<Class<? extends Annotation>> NOT_A_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class,
            Context.class, Suspended.class);

    private final Map<Route, Method> methods = new HashMap<>();

    private JavaSignatures() {
    }

    /**
     * The resource methods of this application, by route: its {@code @Path} classes, read off the
     * class files next to this one (Payara runs the WAR unpacked). The document is built outside
     * any request, where CDI may not answer.
     */
    static JavaSignatures ofApplication() {
        JavaSignatures signatures = new JavaSignatures();
        ClassLoader loader = JavaSignatures.class.getClassLoader();
        try {
            java.net.URL self = loader.getResource("dev/latchkey/apidocs/boundary/JavaSignatures.class");
            if (self == null || !"file".equals(self.getProtocol())) {
                return signatures;
            }
            java.nio.file.Path base = java.nio.file.Path.of(self.toURI());
            for (int up = 0; up < 5; up++) {
                base = base.getParent();
            }
            try (var files = java.nio.file.Files.walk(base.resolve("dev/latchkey"))) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = base.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", "");
                    try {
                        Class<?> resource = Class.forName(name, false, loader);
                        if (resource.isAnnotationPresent(Path.class)) {
                            for (Method method : resource.getDeclaredMethods()) {
                                Route.of(resource, method).ifPresent(route -> signatures.methods.put(route, method));
                            }
                        }
                    } catch (ClassNotFoundException | LinkageError optional) {
                        // A class needing what this instance does not have (an optional library): no resource.
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            // Classes this walk cannot read: the document stays as scanned, and OpenApiIT says so.
        }
        return signatures;
    }

    Optional<Method> method(Route route) {
        return Optional.ofNullable(methods.get(route));
    }

    /** {@code SiteView} for a method returning {@code ListView<SiteView>}. */
    static Optional<Class<?>> pageItem(Method method) {
        if (method.getReturnType() == ListView.class && method.getGenericReturnType() instanceof ParameterizedType page
                && page.getActualTypeArguments()[0] instanceof Class<?> item) {
            return Optional.of(item);
        }
        return Optional.empty();
    }

    /** The type of the entity parameter (the request body), if the method binds one to a record. */
    static Optional<Class<?>> bodyRecord(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean body = NOT_A_BODY.stream().noneMatch(parameter::isAnnotationPresent);
            if (body && parameter.getType().isRecord()) {
                return Optional.of(parameter.getType());
            }
        }
        return Optional.empty();
    }

    /** The records a request record contains (fields of a record type, lists of them), itself first. */
    static List<Class<?>> recordsWithin(Class<?> record) {
        List<Class<?>> found = new java.util.ArrayList<>();
        collect(record, found);
        return found;
    }

    private static void collect(Type type, List<Class<?>> found) {
        if (type instanceof Class<?> c && c.isRecord() && !found.contains(c)) {
            found.add(c);
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), found);
            }
        } else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            collect(generic.getActualTypeArguments()[0], found);
        }
    }

    /**
     * Writes what Bean Validation enforces on the record's components into its schema (properties
     * named as on the wire): required, length and size limits, patterns, numeric bounds.
     */
    static void constrain(Schema schema, Class<?> record) {
        if (schema.getProperties() == null) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = schema.getProperties().get(ApiDocumentFilter.wireName(component.getName()));
            Field field;
            try {
                field = record.getDeclaredField(component.getName());
            } catch (NoSuchFieldException impossible) {
                continue;
            }
            if (property == null) {
                continue;
            }
            boolean text = component.getType() == String.class;
            boolean many = Collection.class.isAssignableFrom(component.getType());
            if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class)) {
                if (schema.getRequired() == null || !schema.getRequired().contains(wire(component))) {
                    schema.addRequired(wire(component));
                }
                property.setNullable(null);
            }
            if (field.isAnnotationPresent(jakarta.validation.constraints.Email.class)) {
                property.setFormat("email");
            }
            if (field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class)) {
                if (text) {
                    property.setMinLength(1);
                } else if (many) {
                    property.setMinItems(1);
                }
            }
            Size size = field.getAnnotation(Size.class);
            if (size != null) {
                if (text) {
                    property.setMaxLength(size.max());
                    if (size.min() > 0) {
                        property.setMinLength(size.min());
                    }
                } else if (many) {
                    property.setMaxItems(size.max());
                    if (size.min() > 0) {
                        property.setMinItems(size.min());
                    }
                }
            }
            Pattern pattern = field.getAnnotation(Pattern.class);
            if (pattern != null && text) {
                property.setPattern(pattern.regexp());
            }
            Min min = field.getAnnotation(Min.class);
            if (min != null) {
                property.setMinimum(BigDecimal.valueOf(min.value()));
            }
            Max max = field.getAnnotation(Max.class);
            if (max != null) {
                property.setMaximum(BigDecimal.valueOf(max.value()));
            }
        }
    }

    /** The name of a class's schema among the components: its {@code @Schema(name)}, or its simple name. */
    static String schemaName(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
    }

    private static String wire(RecordComponent component) {
        return ApiDocumentFilter.wireName(component.getName());
    }
}
