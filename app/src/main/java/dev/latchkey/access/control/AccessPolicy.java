package dev.latchkey.access.control;

import static dev.latchkey.access.control.AccessRule.Standing.ANY_MEMBER;
import static dev.latchkey.access.control.AccessRule.Standing.INSTANCE_ADMIN;
import static dev.latchkey.access.control.AccessRule.Standing.OWNER;
import static dev.latchkey.access.control.Audience.ANY;
import static dev.latchkey.access.control.Audience.MEMBERS;
import static dev.latchkey.access.control.Audience.MEMBERS_AND_KEYS;
import static dev.latchkey.access.control.Audience.OWN_BEARER;
import static dev.latchkey.access.control.Audience.PUBLIC;
import static dev.latchkey.access.control.Audience.SESSION;
import static dev.latchkey.access.control.Audience.SITE_DATA;
import static dev.latchkey.access.control.Audience.SITE_TOKEN;
import static dev.latchkey.access.control.Audience.TEAM;
import static dev.latchkey.access.control.Audience.VERIFIER;
import static dev.latchkey.credentials.entity.Permission.ADMIN;
import static dev.latchkey.credentials.entity.Permission.READ;

import dev.latchkey.credentials.entity.Permission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every route of the API and who may call it: the one table the {@code AccessPolicyFilter}
 * enforces before any resource runs, and the one the route-matrix test checks every kind of
 * credential against. A route missing here is refused (and fails the build).
 * <p>
 * The rules behind it: team management and site configuration (members, personal tokens,
 * sign-in sessions and OAuth grants, audit, insights, signing keys, schema, scopes,
 * connections, the site token, OAuth clients, creating and deleting sites) are done by a person,
 * with a member's personal access token or console session. The session cookie is taken wherever
 * the audience admits a session: exactly where a personal access token is, plus the session's
 * own routes; a change made with it needs its CSRF token. Signing in ({@code POST /v1/sessions})
 * is public and throttled. OAuth tokens never reach a person's routes. A site's own API key with
 * {@code admin} manages API keys of its site, each no more than itself (checked against its
 * {@code Authority} where the key is made). Site data is reached by the site's keys and OAuth
 * tokens only. A site token reads its site's connections and nothing else; a verifier key verifies its site's
 * keys of its environment ({@code POST /v1/keys/verify}) and nothing else.
 */
public final class AccessPolicy {

    private static final Map<Route, AccessRule> RULES = new LinkedHashMap<>();

    static {
        // Identity and introspection
        allow("GET /v1/whoami", ANY, null);
        allow("POST /v1/introspect", TEAM, READ);
        // Verifying a site's key for the team's own API: a verifier key, and nothing else
        allow("POST /v1/keys/verify", VERIFIER, null);

        // The team: a person acting
        allow("POST /v1/teams", MEMBERS, ADMIN, INSTANCE_ADMIN);
        allow("GET /v1/team", TEAM, READ);
        allow("GET /v1/members", MEMBERS, READ);
        allow("POST /v1/members", MEMBERS, ADMIN);
        allow("GET /v1/members/{id}", MEMBERS, READ);
        allow("PATCH /v1/members/{id}", MEMBERS, ADMIN, OWNER);
        allow("DELETE /v1/members/{id}", MEMBERS, ADMIN, OWNER);
        allow("PUT /v1/members/{id}/password", MEMBERS, ADMIN);
        allow("POST /v1/members/{id}/personal-tokens", MEMBERS, ADMIN, OWNER);
        allow("POST /v1/personal-tokens", MEMBERS, ADMIN);
        allow("GET /v1/personal-tokens", MEMBERS, READ);
        allow("GET /v1/personal-tokens/{id}", MEMBERS, READ);
        allow("DELETE /v1/personal-tokens/{id}", MEMBERS, ADMIN);
        allow("POST /v1/sessions", PUBLIC, null);
        allow("GET /v1/session", SESSION, null);
        allow("DELETE /v1/session", SESSION, null);
        allow("GET /v1/sessions", MEMBERS, READ);
        allow("DELETE /v1/sessions/{id}", MEMBERS, ADMIN);
        allow("GET /v1/members/{id}/sessions", MEMBERS, ADMIN, OWNER);
        allow("GET /v1/oauth-grants", MEMBERS, READ);
        allow("DELETE /v1/oauth-grants/{id}", MEMBERS, ADMIN);
        allow("GET /v1/audit-events", MEMBERS, READ);
        allow("GET /v1/audit-events/export", MEMBERS, READ);
        allow("GET /v1/audit-events/verify", MEMBERS, READ);
        allow("GET /v1/insights/onboarding", MEMBERS, READ);
        allow("GET /v1/oauth/signing-keys", MEMBERS, ADMIN, INSTANCE_ADMIN);
        allow("POST /v1/oauth/signing-keys/rotate", MEMBERS, ADMIN, INSTANCE_ADMIN);

        // Sites
        allow("GET /v1/sites", TEAM, READ);
        allow("POST /v1/sites", MEMBERS, ADMIN);
        allow("GET /v1/sites/{site}", TEAM, READ);
        allow("DELETE /v1/sites/{site}", MEMBERS, ADMIN);

        // API keys: members, and the site's own admin keys (each new key covered by its maker)
        allow("POST /v1/sites/{site}/tokens", MEMBERS_AND_KEYS, ADMIN);
        allow("GET /v1/sites/{site}/tokens", MEMBERS_AND_KEYS, ADMIN);
        allow("GET /v1/sites/{site}/tokens/{id}", MEMBERS_AND_KEYS, ADMIN);
        allow("PATCH /v1/sites/{site}/tokens/{id}", MEMBERS_AND_KEYS, ADMIN);
        allow("DELETE /v1/sites/{site}/tokens/{id}", MEMBERS_AND_KEYS, ADMIN);
        allow("POST /v1/sites/{site}/tokens/{id}/roll", MEMBERS_AND_KEYS, ADMIN);
        allow("GET /v1/sites/{site}/tokens/{id}/usage", MEMBERS_AND_KEYS, ADMIN);
        allow("GET /v1/sites/{site}/usage", MEMBERS_AND_KEYS, ADMIN);

        // Site configuration: read by the team's credentials, changed by a person
        allow("GET /v1/sites/{site}/schema", TEAM, READ);
        allow("PUT /v1/sites/{site}/schema", MEMBERS, ADMIN);
        allow("GET /v1/sites/{site}/scopes", TEAM, READ);
        allow("POST /v1/sites/{site}/scopes", MEMBERS, ADMIN);
        allow("GET /v1/sites/{site}/scopes/{id}", TEAM, READ);
        allow("PUT /v1/sites/{site}/scopes/{id}", MEMBERS, ADMIN);
        allow("DELETE /v1/sites/{site}/scopes/{id}", MEMBERS, ADMIN, OWNER);
        allow("GET /v1/sites/{site}/scopes/{id}/tokens", MEMBERS, READ);
        allow("GET /v1/sites/{site}/oauth-clients", MEMBERS, READ);
        allow("POST /v1/sites/{site}/oauth-clients", MEMBERS, ADMIN);
        allow("GET /v1/sites/{site}/oauth-clients/{id}", MEMBERS, READ);
        allow("DELETE /v1/sites/{site}/oauth-clients/{id}", MEMBERS, ADMIN);
        allow("POST /v1/sites/{site}/oauth-clients/{id}/secret", MEMBERS, ADMIN);

        // Site data: the site's keys and OAuth tokens; the permission is checked per document type
        allow("GET /v1/sites/{site}/data/{type}", SITE_DATA, null);
        allow("GET /v1/sites/{site}/data/{type}/{id}", SITE_DATA, null);
        allow("PUT /v1/sites/{site}/data/{type}/{id}", SITE_DATA, null);
        allow("DELETE /v1/sites/{site}/data/{type}/{id}", SITE_DATA, null);

        // Connections to other APIs: set up by a person, handed out by the site token
        allow("GET /v1/providers", TEAM, READ);
        allow("GET /v1/sites/{site}/connections", MEMBERS, READ);
        allow("POST /v1/sites/{site}/connections", MEMBERS, ADMIN);
        allow("GET /v1/sites/{site}/connections/{provider}", MEMBERS, READ);
        allow("DELETE /v1/sites/{site}/connections/{provider}", MEMBERS, ADMIN);
        allow("POST /v1/sites/{site}/connections/{provider}/refresh", MEMBERS, ADMIN);
        allow("GET /v1/connections/callback", PUBLIC, null);
        allow("POST /v1/sites/{site}/site-token", MEMBERS, ADMIN);
        allow("GET /v1/site/connections", SITE_TOKEN, null);
        allow("GET /v1/site/connections/{provider}", SITE_TOKEN, null);

        // The OAuth server's own endpoints authenticate their clients (or serve anyone)
        allow("GET /.well-known/oauth-authorization-server", PUBLIC, null);
        allow("GET /.well-known/openid-configuration", PUBLIC, null);
        allow("GET /oauth/userinfo", OWN_BEARER, null);
        allow("POST /oauth/userinfo", OWN_BEARER, null);
        allow("GET /oauth/logout", PUBLIC, null);
        allow("GET /oauth/jwks", PUBLIC, null);
        allow("GET /oauth/authorize", PUBLIC, null);
        allow("POST /oauth/authorize", PUBLIC, null);
        allow("POST /oauth/token", PUBLIC, null);
        allow("POST /oauth/revoke", PUBLIC, null);
        allow("POST /oauth/introspect", PUBLIC, null);
    }

    private AccessPolicy() {
    }

    private static void allow(String route, Audience audience, Permission permission) {
        allow(route, audience, permission, ANY_MEMBER);
    }

    private static void allow(String route, Audience audience, Permission permission, AccessRule.Standing standing) {
        if (RULES.put(Route.parse(route), new AccessRule(audience, permission, standing)) != null) {
            throw new IllegalStateException("two access rules for " + route);
        }
    }

    /** The rule of a route, or empty when the table has none (the route is then refused). */
    public static Optional<AccessRule> ruleFor(Route route) {
        return Optional.ofNullable(RULES.get(route));
    }

    /** The whole table, in the order declared. */
    public static Map<Route, AccessRule> rules() {
        return java.util.Collections.unmodifiableMap(RULES);
    }
}
