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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The token, revocation and introspection endpoints take form bodies (RFC 6749 §3.2, RFC 7009
 * §2.1, RFC 7662 §2.1). Any other body, or a form that does not decode ({@code %zz}), is a
 * malformed request, answered in their own error form ({@code invalid_request}) rather than the
 * generic 415 or 400 that method matching or form decoding would give.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public class FormBodyFilter implements ContainerRequestFilter {

    /** Compiled once: {@code String.replaceAll} compiled it on every request. */
    private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

    /** Far above any RFC 6749 request (a client assertion JWT included). */
    private static final int MAX_FORM_BYTES = 64 * 1024;
    private static final Set<String> FORM_ENDPOINTS = Set.of("oauth/token", "oauth/revoke", "oauth/introspect");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !FORM_ENDPOINTS.contains(
                        EDGE_SLASHES.matcher(request.getUriInfo().getPath(true)).replaceAll(""))) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw OAuthException.invalidRequest("The body must be application/x-www-form-urlencoded");
        }
        requireDecodable(request);
    }

    private static void requireDecodable(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            throw OAuthException.invalidRequest("The form body is larger than " + MAX_FORM_BYTES + " bytes");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        try {
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException malformed) {
            throw OAuthException.invalidRequest("The form body is not valid application/x-www-form-urlencoded");
        }
    }
}
