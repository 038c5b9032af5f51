package dev.latchkey.verification.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.verification.control.KeyVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/keys/verify}: a verifier key asks whether a key presented to the team's own API
 * is valid, holds the permissions and scopes asked for, and is within its rate limit. Always 200
 * for an authorized verifier: the answer is in {@code valid} and {@code code}. The team's API calls
 * this on its own hot path, so it is kept lean: one instance, the body read and the answer written
 * with JSON-P ({@link VerificationJson}), no Bean Validation interceptor ({@link VerifyKeyRequest#read}
 * checks the body as it reads it).
 */
@Path("v1/keys/verify")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerifyResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    KeyVerifier verifier;

    @POST
    public VerificationView verify(VerifyKeyRequest body) {
        if (body == null) {
            throw new InvalidInputException("A JSON body is required");
        }
        Set<Permission> permissions = body.permissions() == null ? Set.of()
                : Permission.parse("permissions", body.permissions());
        var verdict = verifier.verify(currentCaller.caller(), new KeyVerifier.Request(body.key().trim(), permissions,
                body.scopes() == null ? List.of() : body.scopes(), body.cost() == null ? 1 : body.cost(),
                body.clientIp()));
        return VerificationView.of(verdict);
    }
}
