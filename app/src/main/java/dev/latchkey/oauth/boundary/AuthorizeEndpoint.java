package dev.latchkey.oauth.boundary;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.entity.Member;
import dev.latchkey.oauth.control.AuthorizationCodes;
import dev.latchkey.oauth.control.AuthorizationError;
import dev.latchkey.oauth.control.AuthorizationRequest;
import dev.latchkey.oauth.control.AuthorizationRequests;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /oauth/authorize} (RFC 6749 §4.1.1): a member signs in and consents; the client gets
 * a code at its registered redirect URI, with {@code state} untouched. Errors that cannot be
 * sent back safely (unknown client, unregistered redirect URI, a tampered form) are shown.
 */
@Path("oauth/authorize")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AuthorizeEndpoint {

    @Inject
    AuthorizationRequests requests;

    @Inject
    AuthorizationCodes codes;

    @Inject
    MemberPasswords passwords;

    @Inject
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @GET
    public Response show(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                         @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                         @QueryParam("state") String state, @QueryParam("code_challenge") String codeChallenge,
                         @QueryParam("code_challenge_method") String challengeMethod) {
        try {
            AuthorizationRequest request = requests.validate(responseType, clientId, redirectUri, scope, state,
                    codeChallenge, challengeMethod);
            return page(request, null, Response.Status.OK);
        } catch (AuthorizationError e) {
            return failure(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional(dontRollbackOn = AuthorizationError.class)
    public Response decide(@FormParam("request") String sealed, @FormParam("email") String email,
                           @FormParam("password") String password, @FormParam("decision") String decision) {
        try {
            AuthorizationRequest request = requests.unseal(sealed);
            OAuthClient client = requests.client(request.clientId());
            if (!"allow".equals(decision)) {
                return redirect(request.redirectUri(), Map.of("error", "access_denied",
                        "error_description", "The member declined"), request.state());
            }
            Member member = passwords.signIn(client.teamId(), email, password).orElse(null);
            if (member == null) {
                return page(request, "Wrong email or password", Response.Status.UNAUTHORIZED);
            }
            String code = codes.issue(request, member, request.scopes());
            audit.recordAs(new Actor("member", member.id(), member.email(), null), client.teamId(), client.siteId(),
                    "oauth.authorized", new Target("oauth_client", client.id(), client.name()),
                    Map.of("scopes", request.scopes()));
            return redirect(request.redirectUri(), Map.of("code", code), request.state());
        } catch (AuthorizationError e) {
            return failure(e);
        }
    }

    private Response page(AuthorizationRequest request, String problem, Response.Status status) {
        OAuthClient client = requests.client(request.clientId());
        Site site = em.find(Site.class, client.siteId());
        String html = ConsentPage.consent(client.name(), site.name(), request.scopes(), requests.seal(request), problem);
        return secured(Response.status(status).entity(html).type(MediaType.TEXT_HTML_TYPE + ";charset=utf-8"),
                request.redirectUri());
    }

    private Response failure(AuthorizationError error) {
        if (error.redirectable()) {
            return redirect(error.redirectUri(), Map.of("error", error.error(), "error_description", error.getMessage()),
                    error.state());
        }
        return secured(Response.status(Response.Status.BAD_REQUEST).entity(ConsentPage.error(error.getMessage()))
                .type(MediaType.TEXT_HTML_TYPE + ";charset=utf-8"), null);
    }

    private static Response redirect(String redirectUri, Map<String, String> parameters, String state) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (state != null) {
            all.put("state", state);
        }
        String query = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Response.status(Response.Status.FOUND)
                .location(URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Browsers apply {@code form-action} to where a form submission is redirected too, so the
     * client's registered redirect URI is allowed besides this page's own origin.
     */
    private static Response secured(Response.ResponseBuilder response, String redirectUri) {
        String formAction = "'self'" + (redirectUri == null ? "" : " " + redirectUri.replaceAll("[;,\\s]", ""));
        return response.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action "
                        + formAction + "; frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
