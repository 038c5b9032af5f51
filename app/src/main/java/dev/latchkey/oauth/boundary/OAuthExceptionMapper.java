package dev.latchkey.oauth.boundary;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.oauth.control.OAuthException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** OAuth endpoint errors in RFC 6749 §5.2 form, plus the request id. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    @Inject
    CurrentRequest request;

    @Override
    public Response toResponse(OAuthException exception) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", exception.error());
        body.put("error_description", exception.getMessage());
        body.put("request_id", request.requestId());
        var response = Response.status(exception.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store");
        if (exception.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"latchkey\"");
        }
        return response.build();
    }
}
