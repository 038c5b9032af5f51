package dev.latchkey.oauth.boundary;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.http.boundary.HtmlPage;
import dev.latchkey.members.entity.Member;
import dev.latchkey.oauth.control.AccessTokens;
import dev.latchkey.oauth.control.AuthorizationCodes;
import dev.latchkey.oauth.control.AuthorizationError;
import dev.latchkey.oauth.control.AuthorizationRequest;
import dev.latchkey.oauth.control.AuthorizationRequests;
import dev.latchkey.oauth.control.AuthorizeForms;
import dev.latchkey.oauth.control.Consents;
import dev.latchkey.oauth.control.Prompt;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.sessions.control.BrowserCookies;
import dev.latchkey.sessions.control.Sessions;
import dev.latchkey.sessions.control.SignInRefused;
import dev.latchkey.sessions.control.SignIns;
import dev.latchkey.sessions.entity.MemberSession;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /oauth/authorize} (RFC 6749 §4.1.1): a member signs in (starting a session) and
 * consents; the client gets a code at its registered redirect URI, with {@code state}
 * untouched and {@code iss} added (RFC 9207, against mix-up). With a live session and consent
 * remembered for the requested scopes, the code comes back at once; {@code prompt} changes that
 * as OpenID Connect says ({@link Prompt}). Errors that cannot be sent back safely (unknown
 * client, unregistered redirect URI, a tampered, replayed or cross-site form) are shown.
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
    AuthorizeForms forms;

    @Inject
    Consents consents;

    @Inject
    Sessions sessions;

    @Inject
    SignIns signIns;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional(dontRollbackOn = AuthorizationError.class)
    public Response show(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                         @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                         @QueryParam("state") String state, @QueryParam("code_challenge") String codeChallenge,
                         @QueryParam("code_challenge_method") String challengeMethod,
                         @QueryParam("prompt") String promptValue, @QueryParam("nonce") String nonce) {
        try {
            AuthorizationRequest request = requests.validate(responseType, clientId, redirectUri, scope, state,
                    codeChallenge, challengeMethod, nonce);
            Prompt prompt = Prompt.parse(promptValue, request);
            OAuthClient client = requests.client(request.clientId());
            Optional<MemberSession> session = prompt.login() ? Optional.empty()
                    : sessions.live(cookie(Sessions.COOKIE), client.teamId());
            if (session.isPresent() && !prompt.consent()
                    && consents.covers(session.get().memberId(), client.id(), request.scopes())) {
                return authorized(request, client, member(session.get()), session.get().createdAt(), "remembered",
                        null);
            }
            if (prompt.none()) {
                throw session.isEmpty()
                        ? new AuthorizationError("login_required", "The member is not signed in",
                                request.redirectUri(), request.state())
                        : new AuthorizationError("consent_required", "The member has not allowed these scopes",
                                request.redirectUri(), request.state());
            }
            return page(request, session.orElse(null), null, Response.Status.OK);
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
            if (!forms.fromOwnOrigin(headers.getHeaderString("Origin"), headers.getHeaderString("Referer"),
                    uri.getBaseUri())) {
                return shown(Response.Status.FORBIDDEN,
                        "This form was posted from another site; start again from the application");
            }
            var form = requests.unseal(sealed);
            forms.accept(form.binding(), cookie(AuthorizeForms.COOKIE));
            AuthorizationRequest request = form.request();
            OAuthClient client = requests.client(request.clientId());
            if (!"allow".equals(decision)) {
                return redirect(request.redirectUri(), Map.of("error", "access_denied",
                        "error_description", "The member declined"), request.state()).build();
            }
            if (form.binding().sessionId() != null) {
                Optional<MemberSession> session = sessions.live(cookie(Sessions.COOKIE), client.teamId())
                        .filter(s -> s.id().equals(form.binding().sessionId()));
                return session.isPresent()
                        ? authorized(request, client, member(session.get()), session.get().createdAt(), "given", null)
                        : page(request, null, "Your session has ended; sign in again", Response.Status.UNAUTHORIZED);
            }
            Member member;
            try {
                member = signIns.verify(client.teamId(), email, password);
            } catch (SignInRefused refused) {
                return refused(request, refused);
            }
            Sessions.Started started = sessions.start(member, cookie(Sessions.COOKIE));
            return authorized(request, client, member, started.session().createdAt(), "given", started.secret());
        } catch (AuthorizationError e) {
            return failure(e);
        }
    }

    /** Remembers the consent, issues the code, and sends the browser back (with a new session's cookie). */
    private Response authorized(AuthorizationRequest request, OAuthClient client, Member member, Instant signedInAt,
                                String consent, String newSession) {
        consents.remember(member, client, request.scopes());
        String code = codes.issue(request, member, request.scopes(), signedInAt);
        audit.recordAs(new Actor("member", member.id(), member.email(), null), client.teamId(), client.siteId(),
                "oauth.authorized", new Target("oauth_client", client.id(), client.name()),
                Map.of("scopes", request.scopes(), "consent", consent));
        Response.ResponseBuilder response = redirect(request.redirectUri(), Map.of("code", code), request.state());
        if (newSession != null) {
            response.header("Set-Cookie", BrowserCookies.set(Sessions.COOKIE, newSession, sessions.cookieLifetime(),
                    uri.getBaseUri()));
        }
        return response.build();
    }

    private Response refused(AuthorizationRequest request, SignInRefused refused) {
        if (!refused.throttled()) {
            return page(request, null, refused.getMessage(), Response.Status.UNAUTHORIZED);
        }
        return Response.fromResponse(page(request, null, refused.getMessage(), Response.Status.TOO_MANY_REQUESTS))
                .header("Retry-After", refused.retryAfterSeconds()).build();
    }

    private Response page(AuthorizationRequest request, MemberSession session, String problem,
                          Response.Status status) {
        OAuthClient client = requests.client(request.clientId());
        Site site = em.find(Site.class, client.siteId());
        var form = forms.show(cookie(AuthorizeForms.COOKIE), session == null ? null : session.id());
        String html = ConsentPage.consent(client.name(), site.name(), request.scopes(),
                requests.seal(request, form.binding()), session == null ? null : member(session).email(), problem);
        return HtmlPage.respond(Response.status(status).header("Set-Cookie", BrowserCookies.set(AuthorizeForms.COOKIE,
                form.cookie(), AuthorizationRequests.FORM_LIFETIME, uri.getBaseUri())), html, request.redirectUri()).build();
    }

    private Response failure(AuthorizationError error) {
        if (error.redirectable()) {
            return redirect(error.redirectUri(), Map.of("error", error.error(), "error_description",
                    error.getMessage()), error.state()).build();
        }
        return shown(Response.Status.BAD_REQUEST, error.getMessage());
    }

    private static Response shown(Response.Status status, String message) {
        return HtmlPage.respond(Response.status(status), ConsentPage.error(message), null).build();
    }

    /** Every redirect back to the client carries {@code state} and {@code iss} (RFC 9207 §2). */
    private Response.ResponseBuilder redirect(String redirectUri, Map<String, String> parameters, String state) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (state != null) {
            all.put("state", state);
        }
        all.put("iss", tokens.issuer());
        String query = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Response.status(Response.Status.FOUND)
                .location(URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query))
                .header("Cache-Control", "no-store");
    }

    private Optional<String> cookie(String base) {
        return BrowserCookies.read(base, headers.getCookies(), uri.getBaseUri());
    }

    private Member member(MemberSession session) {
        return em.find(Member.class, session.memberId());
    }
}
