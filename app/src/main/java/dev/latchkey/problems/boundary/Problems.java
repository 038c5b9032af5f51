package dev.latchkey.problems.boundary;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.problems.control.InvalidField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds error responses in the one shape; the only place that does. */
@ApplicationScoped
public class Problems {

    @Inject
    CurrentRequest request;

    public Response response(ErrorCode code, String message, List<InvalidField> fields) {
        var view = new ErrorView(code.wireName(), message, request.requestId(),
                fields.isEmpty() ? null : fields);
        var response = Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(view);
        if (code == ErrorCode.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"latchkey\", error=\"invalid_token\"");
        }
        return response.build();
    }

    public Response response(ErrorCode code, String message) {
        return response(code, message, List.of());
    }
}
