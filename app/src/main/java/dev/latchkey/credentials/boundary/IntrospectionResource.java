package dev.latchkey.credentials.boundary;

import dev.latchkey.credentials.control.Authenticator;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /v1/introspect} (RFC 7662 shape) for any credential kind, so other resource
 * servers can check tokens. The caller authenticates with a credential of its own; tokens of
 * other teams, and unknown, revoked or expired ones, are all simply inactive.
 */
@Path("v1/introspect")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Authenticator authenticator;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public IntrospectionView introspect(@FormParam("token") String token) {
        // Site tokens hold no permission: they can read their connections and nothing else.
        Caller caller = currentCaller.caller();
        if (token == null || token.isBlank()) {
            throw new dev.latchkey.problems.control.InvalidInputException("token", "token is required");
        }
        return authenticator.inspect(token.trim())
                // Only what lies within the caller's own reach: a site's test key learns nothing of live keys.
                .filter(found -> caller.authority().reaches(found.authority()))
                .map(IntrospectionView::of)
                .orElse(IntrospectionView.INACTIVE);
    }
}
