package dev.latchkey.sessions.boundary;

import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.RouteRules;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.sessions.control.BrowserCookies;
import dev.latchkey.sessions.control.CsrfTokenMismatch;
import dev.latchkey.sessions.control.SessionCallers;
import dev.latchkey.sessions.control.Sessions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;

/**
 * The session cookie as an API credential, just before the {@code AuthenticationFilter}: only on
 * routes whose {@link dev.latchkey.access.control.AccessPolicy} audience admits a session (never
 * the site token's, the data API's, the OAuth endpoints' or the provider callback), and only
 * when the request carries no credential in a header (which then wins: the cookie is not even
 * looked at). A request that changes something must also carry the session's CSRF token in
 * {@code X-CSRF-Token}: the cookie is {@code SameSite=Lax}, and the token is what a page of
 * another site cannot know.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 5)
public class SessionCookieFilter implements ContainerRequestFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Context
    ResourceInfo resource;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SessionCallers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (present(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                || present(request.getHeaderString("X-API-Key")) || !admitsSessions()) {
            return;
        }
        Optional<String> secret = cookie(request);
        if (secret.isEmpty()) {
            return;
        }
        var caller = callers.authenticate(secret.get());
        if (!SAFE.contains(request.getMethod())) {
            String token = request.getHeaderString(CSRF_HEADER);
            if (!SessionCallers.csrfMatches(secret.get(), token)) {
                throw new CsrfTokenMismatch(present(token));
            }
        }
        currentCaller.authenticated(caller);
    }

    /** The session cookie's value in this request, if it carries one. */
    static Optional<String> cookie(ContainerRequestContext request) {
        return BrowserCookies.read(Sessions.COOKIE, request.getCookies(), request.getUriInfo().getBaseUri());
    }

    private boolean admitsSessions() {
        return resource.getResourceMethod() != null
                && RouteRules.of(resource.getResourceClass(), resource.getResourceMethod()).rule()
                        .filter(rule -> !rule.isPublic())
                        .map(AccessRule::audience).map(audience -> audience.admits(CredentialKind.SESSION))
                        .orElse(false);
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }
}
