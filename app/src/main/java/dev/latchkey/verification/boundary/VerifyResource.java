package dev.latchkey.verification.boundary;

import dev.latchkey.credentials.control.Permission;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.verification.control.KeyVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/keys/verify}: a verifier key asks whether a key presented to the team's own API
 * is valid, holds the permissions and scopes asked for, and is within its rate limit. Always 200
 * for an authorized verifier: the answer is in {@code valid} and {@code code}. The team's API calls
 * this on its own hot path, so it is kept lean: one instance, the body read once with JSON-P
 * ({@link VerifyKeyRequest#read}), the answer written with JSON-P ({@link VerificationView#write}).
 */
@Path("v1/keys/verify")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerifyResource {

    @Inject
    CurrentRequest request;

    @Inject
    KeyVerifier verifier;

    @POST
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerifyKeyRequest.class)))
    @APIResponse(responseCode = "200", description = "The verdict (also for keys that are not valid)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationView.class)))
    public Response verify(String json) {
        VerifyKeyRequest body = VerifyKeyRequest.read(json);
        Set<Permission> permissions = body.permissions() == null ? Set.of()
                : Permission.parse("permissions", body.permissions());
        var verdict = verifier.verify(request.caller(), new KeyVerifier.Request(body.key().trim(), permissions,
                body.scopes() == null ? List.of() : body.scopes(), body.cost() == null ? 1 : body.cost(),
                body.clientIp()));
        StreamingOutput answer = output -> {
            var writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1024);
            VerificationView.write(verdict, writer);
            writer.flush();
        };
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
