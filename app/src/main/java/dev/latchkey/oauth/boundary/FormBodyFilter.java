package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.control.OAuthException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The token, revocation and introspection endpoints take form bodies (RFC 6749 §3.2, RFC 7009
 * §2.1, RFC 7662 §2.1). Any other body is a malformed request, answered in their own error form
 * ({@code invalid_request}) rather than the generic 415 that method matching would give.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public class FormBodyFilter implements ContainerRequestFilter {

    private static final Set<String> FORM_ENDPOINTS = Set.of("oauth/token", "oauth/revoke", "oauth/introspect");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !FORM_ENDPOINTS.contains(request.getUriInfo().getPath(true).replaceAll("^/+|/+$", ""))) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw OAuthException.invalidRequest("The body must be application/x-www-form-urlencoded");
        }
    }
}
