package dev.latchkey.tokens.boundary;

import dev.latchkey.credentials.control.CredentialIssuer;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.http.control.KnownFields;
import dev.latchkey.http.control.Rfc3339;
import dev.latchkey.network.entity.Cidr;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.sites.entity.Site;
import dev.latchkey.tokens.control.ApiTokenKind;
import dev.latchkey.tokens.control.ApiTokens;
import dev.latchkey.tokens.control.KeyOwnership;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/sites/{site}/tokens}: a site's API keys. Needs the {@code admin} permission. */
@Path("v1/sites/{site}/tokens")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    private static final Set<String> RATE_LIMIT_FIELDS = Set.of("requests", "per_seconds");

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    ApiTokens tokens;

    @Inject
    Clock clock;

    @PathParam("site")
    String siteId;

    @POST
    @APIResponse(responseCode = "201", description = "The key, with its secret (shown once)",
            content = @Content(schema = @Schema(ref = "ApiTokenView")))
    public Response create(@NotNull @Valid CreateApiTokenRequest body) {
        Caller caller = currentCaller.caller();
        Site site = sites.find(caller, siteId);
        ApiTokenKind kind = ApiTokenKind.fromWire(body.type());
        Set<Permission> permissions = body.permissions() == null ? Set.of()
                : Permission.parse("permissions", body.permissions());
        if (kind == ApiTokenKind.SECRET && body.permissions() != null) {
            throw new InvalidInputException("permissions", "A secret key has every permission; use a restricted key");
        }
        KeyOwnership ownership = KeyOwnership.of(body.ownerId(), body.metadata());
        if (kind == ApiTokenKind.VERIFIER) {
            refuseOnVerifier("permissions", body.permissions());
            refuseOnVerifier("scopes", body.scopes());
            refuseOnVerifier("owner_id", body.ownerId());
            refuseOnVerifier("metadata", body.metadata());
        }
        var spec = new ApiTokens.Spec(body.name().trim(), kind, Environment.parse(body.environment()),
                permissions, Rfc3339.parse("expires_at", body.expiresAt()), allowedIps(body.allowedIps()),
                body.scopes() == null ? List.of() : body.scopes(), rateLimit(body.rateLimit()), ownership);
        return created(tokens.create(caller, site, spec));
    }

    @GET
    public ListView<ApiTokenView> list(@QueryParam("environment") String environment,
                                       @QueryParam("owner_id") String ownerId,
                                       @QueryParam("limit") String limit,
                                       @QueryParam("starting_after") String startingAfter) {
        Caller caller = currentCaller.caller();
        Site site = sites.find(caller, siteId);
        // A site's key lists its own environment's keys, whatever it asks for; only a member picks one.
        Optional<Environment> visible = caller.environment()
                .or(() -> environment == null ? Optional.empty() : Optional.of(Environment.parse(environment)));
        var page = tokens.list(site, visible, ownerId, PageRequest.of(limit, startingAfter));
        var now = clock.instant();
        return ListView.of(page, c -> ApiTokenView.of(c, tokens.scopesOf(c), now), Credential::id);
    }

    @GET
    @Path("{id}")
    public ApiTokenView get(@PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        return view(tokens.find(caller, sites.find(caller, siteId), id));
    }

    @DELETE
    @Path("{id}")
    public ApiTokenView revoke(@PathParam("id") String id) {
        Caller caller = currentCaller.caller();
        return view(tokens.revoke(caller, sites.find(caller, siteId), id));
    }

    @PATCH
    @Path("{id}")
    public ApiTokenView update(@PathParam("id") String id, @NotNull @Valid UpdateApiTokenRequest body) {
        Caller caller = currentCaller.caller();
        return view(tokens.enable(caller, sites.find(caller, siteId), id, body.enabled()));
    }

    @POST
    @Path("{id}/roll")
    @APIResponse(responseCode = "201", description = "The new key, with its secret (shown once)",
            content = @Content(schema = @Schema(ref = "ApiTokenView")))
    public Response roll(@PathParam("id") String id, String json) {
        Caller caller = currentCaller.caller();
        // The body is optional: no body rolls with no overlap, as Stripe does.
        RollApiTokenRequest body = json == null || json.isBlank() ? null
                : KnownFields.bind(json, RollApiTokenRequest.class);
        long seconds = body == null || body.expiresIn() == null ? 0 : body.expiresIn();
        return created(tokens.roll(caller, sites.find(caller, siteId), id, Duration.ofSeconds(seconds)));
    }

    /** A verifier key only verifies: it holds no permission, scope, owner or metadata. */
    private static void refuseOnVerifier(String field, Object value) {
        if (value != null) {
            throw new InvalidInputException(field, field + " does not apply to a verifier key");
        }
    }

    private Response created(CredentialIssuer.Issued issued) {
        return Response.status(Response.Status.CREATED)
                .entity(ApiTokenView.withToken(issued.credential(), tokens.scopesOf(issued.credential()),
                        clock.instant(), issued.token()))
                .build();
    }

    private ApiTokenView view(Credential credential) {
        return ApiTokenView.of(credential, tokens.scopesOf(credential), clock.instant());
    }

    /** {@code {"requests": n, "per_seconds": s}}: 1 to 1,000,000 requests per 1 to 86,400 seconds. */
    private static Caller.RateLimit rateLimit(java.util.Map<String, Object> limit) {
        if (limit == null) {
            return null;
        }
        limit.keySet().stream().filter(key -> !RATE_LIMIT_FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidInputException("rate_limit." + key,
                    "rate_limit." + key + " is not a field of this request");
        });
        Object requests = limit.get("requests");
        Object seconds = limit.get("per_seconds");
        if (!(requests instanceof Number n) || !(seconds instanceof Number s) || n.doubleValue() != n.intValue()
                || s.doubleValue() != s.intValue() || n.intValue() < 1 || n.intValue() > 1_000_000
                || s.intValue() < 1 || s.intValue() > 86_400) {
            throw new InvalidInputException("rate_limit",
                    "rate_limit is {\"requests\": 1..1000000, \"per_seconds\": 1..86400}");
        }
        return new Caller.RateLimit(n.intValue(), s.intValue());
    }

    private static List<Cidr> allowedIps(List<String> blocks) {
        if (blocks == null) {
            return List.of();
        }
        return blocks.stream().map(block -> {
            try {
                return Cidr.parse(block);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("allowed_ips", e.getMessage());
            }
        }).distinct().toList();
    }
}
