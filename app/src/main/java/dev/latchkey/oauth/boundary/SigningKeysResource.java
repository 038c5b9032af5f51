package dev.latchkey.oauth.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.http.control.KnownFields;
import dev.latchkey.oauth.control.SigningKeys;
import dev.latchkey.oauth.entity.SigningKey;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/oauth/signing-keys}: the instance's access-token signing keys, and rotating them
 * ({@code {"activate_in_seconds": n}}, default 3600: published now, signing from then).
 * Instance admin only.
 */
@Path("v1/oauth/signing-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    /** A key as shown: never its private half. */
    @Schema(description = "An access-token signing key (its public half only)")
    public record KeyView(String kid, String algorithm, Instant createdAt, Instant activeFrom, Instant retiredAt) {
        static KeyView of(SigningKey key) {
            return new KeyView(key.kid(), key.algorithm(), key.createdAt(), key.activeFrom(), key.retiredAt());
        }
    }

    /** The rotation request. */
    public record RotateRequest(Long activateInSeconds) {
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SigningKeys keys;

    @GET
    public ListView<KeyView> list() {
        admin();
        return new ListView<>(keys.all().stream().map(KeyView::of).toList(), false, null);
    }

    @POST
    @Path("rotate")
    @APIResponse(responseCode = "201", description = "The new signing key",
            content = @Content(schema = @Schema(ref = "KeyView")))
    public Response rotate(String json) {
        Caller caller = admin();
        RotateRequest body = json == null || json.isBlank() ? null : KnownFields.bind(json, RotateRequest.class);
        long seconds = body == null || body.activateInSeconds() == null ? 3600 : body.activateInSeconds();
        if (seconds < 0 || seconds > Duration.ofDays(7).toSeconds()) {
            throw new InvalidInputException("activate_in_seconds", "activate_in_seconds must be between 0 and 604800");
        }
        return Response.status(Response.Status.CREATED).entity(KeyView.of(keys.rotate(caller, Duration.ofSeconds(seconds))))
                .build();
    }

    private Caller admin() {
        Caller caller = currentCaller.caller();
        caller.requireInstanceAdmin("manage signing keys");
        return caller;
    }
}
