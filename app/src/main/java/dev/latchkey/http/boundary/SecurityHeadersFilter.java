package dev.latchkey.http.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every response of the application: {@code X-Content-Type-Options: nosniff}, and
 * {@code Cache-Control: no-store} unless the response sets its own (the JWKS and discovery
 * documents may be cached). Many responses carry a secret shown once (a new key, PAT, client
 * secret, site token); no-store by default keeps all of them, and any added later, out of
 * browser and proxy caches. A servlet filter rather than a JAX-RS one, so that the servlet
 * container's own responses of this application carry the headers too; the value set here is
 * replaced when a resource sets {@code Cache-Control} itself.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
