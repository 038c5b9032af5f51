package dev.latchkey.client;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Servlet filter that admits only requests with a valid Latchkey API key holding the permissions
 * given, as the request's user principal (its permissions the roles: {@code isUserInRole("write")}),
 * and refuses the rest in Latchkey's error shape (see {@link LatchkeyGate}). The client's address
 * is {@code getRemoteAddr()}.
 *
 * <p>Built with a verifier, or declared in {@code web.xml} with init parameters
 * {@code latchkey.base-url}, {@code latchkey.verifier-key-env} (the name of the environment
 * variable holding the verifier key; default {@code LATCHKEY_VERIFIER}), {@code latchkey.permissions}
 * (comma separated) and {@code latchkey.cache-seconds} (default 0: no cache).
 */
public class LatchkeyServletFilter implements Filter {

    private LatchkeyGate gate;

    public LatchkeyServletFilter() {
    }

    public LatchkeyServletFilter(LatchkeyVerifier verifier, String... permissions) {
        this.gate = new LatchkeyGate(verifier, List.of(permissions));
    }

    @Override
    public void init(FilterConfig config) {
        if (gate != null) {
            return;
        }
        String env = config.getInitParameter("latchkey.verifier-key-env");
        String cacheSeconds = config.getInitParameter("latchkey.cache-seconds");
        String permissions = config.getInitParameter("latchkey.permissions");
        LatchkeyVerifier verifier = LatchkeyVerifier.builder()
                .baseUrl(config.getInitParameter("latchkey.base-url"))
                .verifierKey(System.getenv(env == null ? "LATCHKEY_VERIFIER" : env))
                .cacheFor(Duration.ofSeconds(cacheSeconds == null ? 0 : Long.parseLong(cacheSeconds.trim())))
                .build();
        this.gate = new LatchkeyGate(verifier, permissions == null ? List.of()
                : Arrays.stream(permissions.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList());
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        LatchkeyGate.Outcome outcome = gate.check(request.getHeader("Authorization"), request.getHeader("X-API-Key"),
                request.getRemoteAddr(), request.getHeader("X-Request-Id"));
        if (outcome instanceof LatchkeyGate.Admitted admitted) {
            request.setAttribute(LatchkeyGate.VERIFICATION, admitted.principal().verification());
            chain.doFilter(new KeyRequest(request, admitted.principal()), response);
            return;
        }
        LatchkeyGate.Refused refused = (LatchkeyGate.Refused) outcome;
        response.setStatus(refused.status());
        response.setHeader("X-Request-Id", refused.requestId());
        for (Map.Entry<String, String> header : refused.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setContentType("application/json");
        byte[] body = refused.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static final class KeyRequest extends HttpServletRequestWrapper {
        private final LatchkeyPrincipal principal;

        KeyRequest(HttpServletRequest request, LatchkeyPrincipal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return principal.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.isUserInRole(role);
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }
    }
}
