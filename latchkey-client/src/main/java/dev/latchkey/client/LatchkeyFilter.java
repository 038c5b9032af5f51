package dev.latchkey.client;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * A JAX-RS filter that admits only requests with a valid Latchkey API key holding the permissions
 * given, and makes the key the request's {@link SecurityContext} principal, its permissions the
 * roles ({@code isUserInRole("write")}). Refusals are answered in Latchkey's error shape (see
 * {@link LatchkeyGate}). Register an instance, e.g. from {@code Application.getSingletons()}.
 *
 * <p>JAX-RS does not give the client's address: override {@link #clientIp} to pass it (from the
 * servlet request, or a proxy header you trust) when keys carry IP allowlists.
 */
@Priority(Priorities.AUTHENTICATION)
public class LatchkeyFilter implements ContainerRequestFilter {

    private final LatchkeyGate gate;

    public LatchkeyFilter(LatchkeyVerifier verifier, String... permissions) {
        this.gate = new LatchkeyGate(verifier, List.of(permissions));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        LatchkeyGate.Outcome outcome = gate.check(request.getHeaderString("Authorization"),
                request.getHeaderString("X-API-Key"), clientIp(request), request.getHeaderString("X-Request-Id"));
        if (outcome instanceof LatchkeyGate.Admitted admitted) {
            request.setProperty(LatchkeyGate.VERIFICATION, admitted.principal().verification());
            request.setSecurityContext(new KeyContext(admitted.principal(), request.getSecurityContext()));
            return;
        }
        LatchkeyGate.Refused refused = (LatchkeyGate.Refused) outcome;
        Response.ResponseBuilder response = Response.status(refused.status())
                .type(MediaType.APPLICATION_JSON_TYPE).header("X-Request-Id", refused.requestId())
                .entity(refused.body());
        for (Map.Entry<String, String> header : refused.headers().entrySet()) {
            response.header(header.getKey(), header.getValue());
        }
        request.abortWith(response.build());
    }

    /** The client's address for keys with an IP allowlist; null (none) unless overridden. */
    protected String clientIp(ContainerRequestContext request) {
        return null;
    }

    private record KeyContext(LatchkeyPrincipal principal, SecurityContext original) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.isUserInRole(role);
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
