package dev.latchkey.http.boundary;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.problems.control.BearerChallenge;
import dev.latchkey.problems.control.DomainException;
import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.problems.control.InvalidField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds error responses in the one shape; the only place that does. */
@ApplicationScoped
public class Problems {

    @Inject
    CurrentRequest request;

    public Response response(ErrorCode code, String message, List<InvalidField> fields) {
        return response(code, message, fields, null,
                code == ErrorCode.UNAUTHORIZED ? BearerChallenge.INVALID_TOKEN : null);
    }

    /** A domain refusal, with the bearer challenge it carries (RFC 6750 §3.1). */
    public Response response(DomainException refusal) {
        return response(refusal.code(), refusal.getMessage(), refusal.fields(), refusal.details(),
                refusal.challenge().orElse(refusal.code() == ErrorCode.UNAUTHORIZED ? BearerChallenge.INVALID_TOKEN
                        : null));
    }

    private Response response(ErrorCode code, String message, List<InvalidField> fields, Map<String, Object> details,
                              BearerChallenge challenge) {
        var view = new ErrorView(code.wireName(), message, request.requestId(),
                fields.isEmpty() ? null : fields, details);
        var response = Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(view);
        if (challenge != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, header(challenge));
        }
        return response.build();
    }

    /** {@code Bearer realm="latchkey"[, error="…"][, scope="…"]}; the values never hold a quote. */
    static String header(BearerChallenge challenge) {
        StringBuilder header = new StringBuilder("Bearer realm=\"latchkey\"");
        if (challenge.error() != null) {
            header.append(", error=\"").append(challenge.error()).append('"');
        }
        if (challenge.scope() != null) {
            header.append(", scope=\"").append(challenge.scope()).append('"');
        }
        return header.toString();
    }

    public Response response(ErrorCode code, String message) {
        return response(code, message, List.of());
    }
}
