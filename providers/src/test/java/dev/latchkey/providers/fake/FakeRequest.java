package dev.latchkey.providers.fake;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * One request as a fake provider received it. {@code form} holds the query parameters and, for
 * a form-encoded body, the form fields; {@code body} is the raw body.
 */
public record FakeRequest(String method, String path, String query, Headers headers, Map<String, String> form,
                          String body) {

    public FakeRequest {
        form = Map.copyOf(form);
    }

    /** The first value of a request header (case-insensitive), or null. */
    public String header(String name) {
        return headers.getFirst(name);
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    public String bearer() {
        String authorization = header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }
}
