package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.access.control.AccessPolicy;
import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.Audience;
import dev.latchkey.access.control.ResourceRoutes;
import dev.latchkey.access.control.Route;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Permission;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every route of the application (read off its resource classes) × every kind of credential,
 * each answered as the {@link AccessPolicy} table says: 401 without a credential, 403 for a
 * credential the route's rule refuses, 404 for a site the credential cannot reach, and for an
 * admitted credential neither 401 nor 403 (nor a 5xx). Requests carry ids that do not exist and
 * bodies that are not valid, so an admitted call changes nothing; the two calls that act on the
 * site itself (deleting it, rolling its site token) get a site of their own when admitted, and
 * signing out a session of its own. The owner's console session is one more column: its cookie
 * (with the CSRF token on unsafe methods) is admitted exactly where the owner's token is, plus
 * the session's own routes, and refused everywhere else. A verifier key is admitted on
 * {@code POST /v1/keys/verify} only.
 */
class RouteMatrixIT extends DeployedLatchkey {

    private static final Logger LOG = Logger.getLogger(RouteMatrixIT.class.getName());
    private static final Set<String> ACTS_ON_THE_SITE = Set.of("DELETE /v1/sites/{site}",
            "POST /v1/sites/{site}/site-token");
    private static final Set<String> SIGNS_OUT = Set.of("DELETE /v1/session", "GET /oauth/logout");

    @Test
    void everyRouteAnswersEveryKindOfCredentialAsThePolicySays() {
        CredentialZoo zoo = new CredentialZoo(api);
        List<String> mismatches = new ArrayList<>();
        var routes = ResourceRoutes.all();
        int checked = 0;
        for (var served : routes) {
            Route route = served.route();
            AccessRule rule = AccessPolicy.ruleFor(route).orElseThrow(() -> new AssertionError("no rule: " + route));
            Map<String, Integer> publicAnswers = new HashMap<>();
            for (CredentialZoo.Held held : zoo.all) {
                String expected = expected(route, rule, held, zoo.team.id(), zoo.site);
                String site = expected.equals("admitted") && ACTS_ON_THE_SITE.contains(route.toString())
                        ? zoo.team.createSite("spare " + checked) : zoo.site;
                // Signing out ends the session: a spare one signs out, so the zoo's goes on.
                CredentialZoo.Held sent = held.isSession() && SIGNS_OUT.contains(route.toString())
                        ? zoo.session(api) : held;
                Response response = call(served, sent, site);
                int status = response.statusCode();
                checked++;
                boolean ok = switch (expected) {
                    case "public" -> status < 500;
                    case "admitted" -> status != 401 && status != 403 && status < 500;
                    default -> expected.startsWith("admitted unless lacking ")
                            ? status != 401 && status < 500 && (status != 403 || lacks(held, expected))
                            : status == Integer.parseInt(expected);
                };
                if (rule.audience() == Audience.PUBLIC) {
                    publicAnswers.put(held.name(), status);
                }
                if (!ok) {
                    mismatches.add(route + " as " + held.name() + ": expected " + expected + ", got " + status + " "
                            + response.asString().replaceAll("\\s+", " ").substring(0,
                            Math.min(200, response.asString().replaceAll("\\s+", " ").length())));
                } else if (status >= 400 && !rule.isPublic()) {
                    Api.assertError(response, status, response.path("error"));
                }
            }
            if (!publicAnswers.isEmpty()) {
                assertEquals(1, Set.copyOf(publicAnswers.values()).size(),
                        route + " is public: what credential comes with a request must not change its answer "
                                + publicAnswers);
            }
        }
        int total = checked;
        LOG.info(() -> "route matrix: " + routes.size() + " routes x " + zoo.all.size() + " credential kinds = " + total
                + " requests checked against the policy table");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + total + " answers differ from the policy:\n"
                + String.join("\n", mismatches));
    }

    /** What the table says this credential gets on this route. */
    private static String expected(Route route, AccessRule rule, CredentialZoo.Held held, String teamId,
                                   String site) {
        if (rule.audience() == Audience.OWN_BEARER) {
            // UserInfo: none of the zoo's OAuth access tokens was granted openid for a member.
            return held.profile() != null && held.profile().kind() == CredentialKind.OAUTH_TOKEN ? "403" : "401";
        }
        if (rule.isPublic()) {
            return "public";
        }
        if (held.isNone()) {
            return "401";
        }
        if (held.isSession() && !rule.audience().admits(CredentialKind.SESSION)) {
            return "401"; // the cookie is not looked at where a session is not admitted: no credential
        }
        if (route.has("site") && !held.profile().reaches(teamId, site)) {
            return "404";
        }
        if (rule.refusalFor(held.profile()).isPresent()) {
            return "403";
        }
        if (rule.audience() == Audience.SITE_DATA) {
            // The data API checks its permission per document type, in the resource.
            return "admitted unless lacking " + switch (route.method()) {
                case "PUT" -> "write";
                case "DELETE" -> "delete";
                default -> "read";
            };
        }
        return "admitted";
    }

    private static boolean lacks(CredentialZoo.Held held, String expected) {
        String permission = expected.substring(expected.lastIndexOf(' ') + 1);
        return !held.profile().permissions().contains(Permission.fromWire(permission).orElseThrow());
    }

    private Response call(ResourceRoutes.Served served, CredentialZoo.Held held, String site) {
        Route route = served.route();
        String path = route.template().replace("{site}", site).replace("{id}", "x_nothing_here")
                .replace("{type}", "Customer").replace("{provider}", "acme");
        RequestSpecification request = held.presentedOn(api.anonymous(), route.method()).redirects().follow(false);
        if (Set.of("POST", "PUT", "PATCH").contains(route.method())) {
            request = consumesForm(served) ? request.contentType(ContentType.URLENC).formParam("nothing", "")
                    : request.contentType(ContentType.JSON).body("[]");
        }
        return request.request(route.method(), path);
    }

    private static boolean consumesForm(ResourceRoutes.Served served) {
        Consumes consumes = served.method().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = served.resource().getAnnotation(Consumes.class);
        }
        return consumes != null && List.of(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED);
    }
}
