package dev.latchkey.http.boundary;

import dev.latchkey.problems.control.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * RFC 9110 §5.5: a field value holding CR, LF, NUL or another control character is refused. Grizzly's
 * own check is off (see src/main/payara/system.properties) so that such requests, and values with
 * non-ASCII bytes (which RFC 9110 allows as obs-text), get a JSON answer instead of an empty 400;
 * this is where the control characters are refused instead, and the connection is closed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 95)
public class HeaderValuesFilter implements ContainerRequestFilter {

    @Inject
    Problems problems;

    @Override
    public void filter(ContainerRequestContext request) {
        for (var header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                if (value != null && holdsControlCharacter(value)) {
                    request.abortWith(Response.fromResponse(problems.response(ErrorCode.INVALID_REQUEST,
                                    "The " + header.getKey() + " header holds a control character"))
                            .header("Connection", "close").build());
                    return;
                }
            }
        }
    }

    /** Any C0 control but horizontal tab, or DEL (a plain loop: this runs on every request). */
    private static boolean holdsControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
