package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.ClientOrigins;
import dev.latchkey.oauth.control.CorsRules;
import dev.latchkey.oauth.control.RequestClient;
import dev.latchkey.problems.control.NotPermittedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies {@link CorsRules}. A preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) to a CORS route is answered here, before
 * authentication and before the {@code OptionsRequestFilter} refuses every other OPTIONS; an
 * origin no client registered gets 403 in the error shape.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 94)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Compiled once: {@code String.replaceAll} compiled it on every request. */
    private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

    static final String ORIGIN = "Origin";

    @Inject
    ClientOrigins origins;

    @Inject
    RequestClient requestClient;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || origin == null
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return;
        }
        CorsRules.routeOf(path(request)).ifPresent(kind -> {
            Map<String, String> headers = CorsRules.preflight(kind, origin,
                    kind.forClients() && origins.registeredByAnyClient(origin));
            if (headers.isEmpty()) {
                throw new NotPermittedException("No OAuth client of this server allows the origin " + origin);
            }
            Response.ResponseBuilder answer = Response.noContent();
            headers.forEach(answer::header);
            request.abortWith(answer.build());
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        CorsRules.routeOf(path(request)).ifPresent(kind -> {
            String origin = request.getHeaderString(ORIGIN);
            if (kind.forClients()) {
                // The answer differs by origin: caches must know, whether or not this request sent one.
                response.getHeaders().add("Vary", ORIGIN);
            }
            if (origin != null) {
                CorsRules.actual(kind, origin, kind.forClients() && requestClient.client()
                                .map(client -> ClientOrigins.of(client).contains(origin)).orElse(false))
                        .forEach((name, value) -> response.getHeaders().putSingle(name, value));
            }
        });
    }

    private static String path(ContainerRequestContext request) {
        return EDGE_SLASHES.matcher(request.getUriInfo().getPath(true)).replaceAll("");
    }
}
