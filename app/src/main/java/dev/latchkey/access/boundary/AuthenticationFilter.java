package dev.latchkey.access.boundary;

import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.RouteRules;
import dev.latchkey.credentials.control.Authenticator;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.control.PresentedCredential;
import dev.latchkey.credentials.control.TokenFormat;
import dev.latchkey.credentials.entity.AuthenticationFailed;
import dev.latchkey.credentials.entity.AuthenticationThrottled;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NotAuthenticatedException;
import dev.latchkey.problems.control.RateLimitedException;
import dev.latchkey.ratelimit.boundary.RateLimitFilter;
import dev.latchkey.ratelimit.control.Decision;
import dev.latchkey.ratelimit.control.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates every request to a route the {@link dev.latchkey.access.control.AccessPolicy}
 * does not declare public, by the credential in its headers (a browser's session cookie is
 * taken just before, by {@code SessionCookieFilter}, where no header credential is sent). Tokens in the query
 * string are refused outright: URLs end up in logs, histories and Referer headers.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final Set<String> CREDENTIAL_PARAMETERS =
            Set.of("access_token", "api_key", "apikey", "key", "token", "private_token");

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentRequest current;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RateLimiter limiter;

    @Inject
    jakarta.enterprise.event.Event<AuthenticationFailed> failures;

    @Inject
    jakarta.enterprise.event.Event<AuthenticationThrottled> limited;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic()) {
            return;
        }
        refuseCredentialsInQuery(request.getUriInfo().getQueryParameters());
        if (currentCaller.callerIfAny().isPresent()) {
            return; // authenticated by the session cookie (SessionCookieFilter, just before)
        }
        String token = PresentedCredential.from(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        request.getHeaderString(API_KEY_HEADER))
                .orElseThrow(() -> NotAuthenticatedException.noCredential(
                        "No credential provided; send 'Authorization: Bearer <token>'"));
        String address = current.clientAddress();
        Decision mayTry = limiter.mayTry(address);
        if (!mayTry.allowed()) {
            request.setProperty(RateLimitFilter.DECISION, mayTry);
            limited.fire(new AuthenticationThrottled(address));
            throw new RateLimitedException("Too many failed authentication attempts from " + address
                    + "; retry in " + mayTry.retryAfterSeconds() + " s");
        }
        try {
            currentCaller.authenticated(authenticator.authenticate(token, address));
        } catch (NotAuthenticatedException failure) {
            failures.fire(new AuthenticationFailed(address));
            // Guessing tokens gets 429 quickly: per address, and per public id claimed.
            Decision counted = limiter.failed(address, TokenFormat.parse(token).map(TokenFormat.Token::publicId)
                    .orElse(null));
            if (!counted.allowed()) {
                request.setProperty(RateLimitFilter.DECISION, counted);
                limited.fire(new AuthenticationThrottled(address));
                throw new RateLimitedException("Too many failed authentication attempts; retry in "
                        + counted.retryAfterSeconds() + " s");
            }
            throw failure;
        }
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null
                && RouteRules.of(resource.getResourceClass(), resource.getResourceMethod()).rule()
                        .map(AccessRule::isPublic).orElse(false);
    }

    private static void refuseCredentialsInQuery(Map<String, List<String>> query) {
        for (var parameter : query.entrySet()) {
            boolean named = CREDENTIAL_PARAMETERS.contains(parameter.getKey().toLowerCase(java.util.Locale.ROOT));
            boolean shaped = parameter.getValue().stream().anyMatch(v -> TokenFormat.parse(v).isPresent());
            if (named || shaped) {
                throw new InvalidInputException(parameter.getKey(),
                        "Credentials are not accepted in the query string; send 'Authorization: Bearer <token>'");
            }
        }
    }
}
