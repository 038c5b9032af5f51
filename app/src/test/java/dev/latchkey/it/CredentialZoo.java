package dev.latchkey.it;

import dev.latchkey.credentials.entity.Authority;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.credentials.entity.Role;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One credential of every kind the security rules tell apart, all made through the API for a
 * team of their own and its site: owner, developer and restricted personal tokens; secret and
 * restricted keys, live and test; a scoped key; a member's and a client's OAuth tokens; the
 * site token; a verifier key; the owner's console session (cookie and CSRF token); another team's owner (the instance admin) and another team's secret key. Each
 * comes with the profile the route rules judge it by.
 */
final class CredentialZoo {

    static final String PASSWORD = "correct horse battery staple";
    static final String REDIRECT = "http://127.0.0.1:9/callback";

    /**
     * A credential, named for the report, and how the rules see it (null profile: no credential).
     * A console session's {@code token} is its cookie value, sent with its {@code csrf} token.
     */
    record Held(String name, String token, Caller profile, String siteId, String csrf) {

        Held(String name, String token, Caller profile, String siteId) {
            this(name, token, profile, siteId, null);
        }

        boolean isNone() {
            return token == null;
        }

        boolean isSession() {
            return csrf != null;
        }

        /**
         * The request carrying this credential as a client would send it: in the Authorization
         * header, or a session's cookie (with the CSRF token on requests that may change something).
         */
        RequestSpecification presentedOn(RequestSpecification request, String method) {
            if (isNone()) {
                return request;
            }
            if (!isSession()) {
                return request.header("Authorization", "Bearer " + token);
            }
            request = request.cookie(SESSION_COOKIE, token);
            return Set.of("GET", "HEAD", "OPTIONS").contains(method) ? request : request.header("X-CSRF-Token", csrf);
        }
    }

    static final String SESSION_COOKIE = "latchkey_session";

    final TestTeam team;
    final String site;
    final String ownerEmail;
    final List<Held> all = new ArrayList<>();

    CredentialZoo(Api api) {
        team = api.newTeam();
        site = team.createSite("zoo");
        all.add(new Held("no credential", null, null, null));
        ownerEmail = team.owner().get("/v1/whoami").path("member.email");
        all.add(member("owner PAT", team.ownerToken(), Role.OWNER, false, EnumSet.allOf(Permission.class), team.id()));
        all.add(member("developer PAT", team.memberToken("developer"), Role.DEVELOPER, false,
                EnumSet.allOf(Permission.class), team.id()));
        all.add(member("restricted PAT (read)", team.owner().body(Map.of("name", "ro", "expires_in_days", 3,
                        "permissions", List.of("read"))).post("/v1/personal-tokens").then().statusCode(201).extract()
                .path("token"), Role.OWNER, false, EnumSet.of(Permission.READ), team.id()));
        all.add(key("sk_live", "secret", "live", List.of(), List.of()));
        all.add(key("sk_test", "secret", "test", List.of(), List.of()));
        all.add(key("rk_live (read)", "restricted", "live", List.of("read"), List.of()));
        all.add(key("rk_test (read, admin)", "restricted", "test", List.of("read", "admin"), List.of()));
        team.owner().body(Map.of("types", List.of(Map.of("name", "Customer", "fields", List.of("name", "email")))))
                .put("/v1/sites/" + site + "/schema").then().statusCode(200);
        String scope = team.owner().body(Map.of("name", "names", "fields", List.of("Customer.name")))
                .post("/v1/sites/" + site + "/scopes").then().statusCode(201).extract().path("id");
        all.add(key("scoped sk_test", "secret", "test", List.of(), List.of(scope)));
        String verifier = team.owner().body(Map.of("name", "gateway", "type", "verifier", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("token");
        all.add(siteCredential("vk_test verifier", CredentialKind.VERIFIER, verifier, null, "test", Set.of()));

        team.owner().body(Map.of("password", PASSWORD)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        String publicClient = team.owner().body(Map.of("name", "spa", "type", "public", "environment", "live",
                        "redirect_uris", List.of(REDIRECT), "scopes", List.of("read", "write")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract().path("client_id");
        all.add(siteCredential("member OAuth token (read write)", CredentialKind.OAUTH_TOKEN,
                CodeFlow.memberAccessToken(api, publicClient, REDIRECT, ownerEmail, PASSWORD, "read write"),
                memberRef(Role.OWNER, false), "live", EnumSet.of(Permission.READ, Permission.WRITE)));
        var confidential = team.owner().body(Map.of("name", "svc", "type", "confidential", "environment", "live",
                        "scopes", List.of("read")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract();
        String clientToken = api.anonymous().contentType(ContentType.URLENC).auth().preemptive()
                .basic(confidential.path("client_id"), confidential.path("client_secret"))
                .formParam("grant_type", "client_credentials").formParam("scope", "read").post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        all.add(siteCredential("client OAuth token (read)", CredentialKind.OAUTH_TOKEN, clientToken, null, "live",
                EnumSet.of(Permission.READ)));
        String siteToken = team.owner().post("/v1/sites/" + site + "/site-token").then().statusCode(201).extract()
                .path("token");
        all.add(siteCredential("site token", CredentialKind.SITE_TOKEN, siteToken, null, null, Set.of()));

        all.add(session(api));

        // Another team: the instance admin (owner of the first team) and a secret key of one of its sites.
        all.add(new Held("other team's owner (instance admin)", Api.bootstrapToken(),
                profile(CredentialKind.PERSONAL_TOKEN, "team_other", memberRef(Role.OWNER, true), null, null,
                        EnumSet.allOf(Permission.class)), null));
        TestTeam other = api.newTeam();
        String otherSite = other.createSite("elsewhere");
        String otherKey = other.owner().body(Map.of("name", "k", "type", "secret", "environment", "live"))
                .post("/v1/sites/" + otherSite + "/tokens").then().statusCode(201).extract().path("token");
        all.add(new Held("other team's sk_live", otherKey, profile(CredentialKind.API_TOKEN, other.id(), null,
                otherSite, "live", EnumSet.allOf(Permission.class)), otherSite));
    }

    /**
     * A new console session of the owner (signed in through the API, as the console does): the
     * same member as the owner's token, with all of the owner's permissions.
     */
    Held session(Api api) {
        var signedIn = api.anonymous().body(Map.of("email", ownerEmail, "password", PASSWORD, "team_id", team.id()))
                .post("/v1/sessions").then().statusCode(201).extract();
        return new Held("owner's console session", signedIn.cookie(SESSION_COOKIE),
                profile(CredentialKind.SESSION, team.id(), memberRef(Role.OWNER, false), null, null,
                        EnumSet.allOf(Permission.class)), null, signedIn.path("csrf_token"));
    }

    private Held member(String name, String token, Role role, boolean admin, Set<Permission> permissions, String teamId) {
        return new Held(name, token, profile(CredentialKind.PERSONAL_TOKEN, teamId, memberRef(role, admin), null, null,
                permissions), null);
    }

    private Held key(String name, String type, String environment, List<String> permissions, List<String> scopes) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "type", type, "environment", environment,
                "scopes", scopes));
        if (!permissions.isEmpty()) {
            body.put("permissions", permissions);
        }
        String token = team.owner().body(body).post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract()
                .path("token");
        Set<Permission> held = permissions.isEmpty() ? EnumSet.allOf(Permission.class)
                : Permission.parse("permissions", permissions);
        return siteCredential(name, CredentialKind.API_TOKEN, token, null, environment, held);
    }

    private Held siteCredential(String name, CredentialKind kind, String token, Caller.MemberRef member,
                                String environment, Set<Permission> permissions) {
        return new Held(name, token, profile(kind, team.id(), member, site, environment, permissions), site);
    }

    private static Caller.MemberRef memberRef(Role role, boolean instanceAdmin) {
        return new Caller.MemberRef("mem_x", "x@example.com", "x", role, instanceAdmin);
    }

    private static Caller profile(CredentialKind kind, String teamId, Caller.MemberRef member, String siteId,
                                  String environment, Set<Permission> permissions) {
        var teamRef = new Caller.TeamRef(teamId, "t");
        var siteRef = siteId == null ? null : new Caller.SiteRef(siteId, "s");
        Authority authority = Caller.authority(teamRef, siteRef, member,
                Optional.ofNullable(environment).map(Environment::parse), permissions, Map.of(), false,
                List.of(), List.of(), null);
        return new Caller(Caller.CredentialRef.of(kind, "id", "name", null), teamRef, member, siteRef, authority);
    }
}
