package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing a credential creates, changes or reaches exceeds its own authority: each escalation
 * an attacker's review found, as a regression test, and a property test over random makers and
 * random requested keys, judged by an oracle of its own.
 */
class LeastAuthorityIT extends DeployedLatchkey {

    private static final Logger LOG = Logger.getLogger(LeastAuthorityIT.class.getName());

    TestTeam team;
    String site;
    String names;
    String pii;

    @BeforeEach
    void teamWithScopedSite() {
        team = api.newTeam();
        site = team.createSite("shop");
        team.owner().body(Map.of("types", List.of(Map.of("name", "Customer", "fields", List.of("name", "email")))))
                .put("/v1/sites/" + site + "/schema").then().statusCode(200);
        names = scope("names", "Customer.name");
        pii = scope("pii", "Customer.email");
    }

    private String scope(String name, String field) {
        return team.owner().body(Map.of("name", name, "fields", List.of(field))).post("/v1/sites/" + site + "/scopes")
                .then().statusCode(201).extract().path("id");
    }

    private Response mint(String maker, Map<String, ?> body) {
        return api.as(maker).body(body).post("/v1/sites/" + site + "/tokens");
    }

    private String key(Map<String, ?> body) {
        return mint(team.ownerToken(), body).then().statusCode(201).extract().path("token");
    }

    private static void refused(Response response, String dimension) {
        assertError(response, 403, "insufficient_permission");
        response.then().body("errors[0].field", equalTo(dimension));
    }

    @Test
    void aTestKeyReachesNothingLive() {
        String testKey = key(Map.of("name", "t", "type", "secret", "environment", "test"));
        // It may not register a live OAuth client (nor any client: that is a member's job) …
        assertError(api.as(testKey).body(Map.of("name", "c", "type", "confidential", "environment", "live"))
                .post("/v1/sites/" + site + "/oauth-clients"), 403, "forbidden");
        // … nor mint a live key, nor see one.
        refused(mint(testKey, Map.of("name", "l", "type", "secret", "environment", "live")), "environment");
        String live = key(Map.of("name", "l", "type", "secret", "environment", "live"));
        String liveId = api.as(live).get("/v1/whoami").path("id");
        assertError(api.as(testKey).get("/v1/sites/" + site + "/tokens/" + liveId), 404, "not_found");
        // A restricted test key with admin cannot roll the site token (which reads provider tokens).
        String restricted = key(Map.of("name", "r", "type", "restricted", "environment", "test",
                "permissions", List.of("read", "admin")));
        assertError(api.as(restricted).post("/v1/sites/" + site + "/site-token"), 403, "forbidden");
    }

    @Test
    void aKeyMintsOnlyKeysItCovers() {
        String scoped = key(Map.of("name", "s", "type", "secret", "environment", "test", "scopes", List.of(names)));
        refused(mint(scoped, Map.of("name", "x", "type", "secret", "environment", "test")), "data_scopes");
        refused(mint(scoped, Map.of("name", "x", "type", "secret", "environment", "test", "scopes", List.of(pii))),
                "data_scopes");
        mint(scoped, Map.of("name", "x", "type", "restricted", "environment", "test", "permissions", List.of("read"),
                "scopes", List.of(names))).then().statusCode(201);

        String expires = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String restricted = key(Map.of("name", "r", "type", "restricted", "environment", "live",
                "permissions", List.of("read", "admin"), "allowed_ips", List.of("127.0.0.0/8"), "expires_at", expires));
        refused(mint(restricted, Map.of("name", "x", "type", "secret", "environment", "live",
                "allowed_ips", List.of("127.0.0.1"), "expires_at", expires)), "permissions");
        refused(mint(restricted, Map.of("name", "x", "type", "restricted", "environment", "live",
                "permissions", List.of("read"), "expires_at", expires)), "addresses");
        refused(mint(restricted, Map.of("name", "x", "type", "restricted", "environment", "live",
                "permissions", List.of("read"), "allowed_ips", List.of("127.0.0.1"))), "expiry");
        mint(restricted, Map.of("name", "x", "type", "restricted", "environment", "live", "permissions",
                List.of("read"), "allowed_ips", List.of("127.0.0.1"), "expires_at", expires)).then().statusCode(201);
        // Rolling or revoking a key it does not cover is refused too: it cannot cut off the secret key.
        String secretId = api.as(key(Map.of("name", "main", "type", "secret", "environment", "live")))
                .get("/v1/whoami").path("id");
        refused(api.as(restricted).post("/v1/sites/" + site + "/tokens/" + secretId + "/roll"), "permissions");
        refused(api.as(restricted).delete("/v1/sites/" + site + "/tokens/" + secretId), "permissions");
    }

    @Test
    void aScopedKeyCannotWidenItsScope() {
        String scoped = key(Map.of("name", "s", "type", "secret", "environment", "test", "scopes", List.of(names)));
        assertError(api.as(scoped).body(Map.of("name", "names", "fields", List.of("Customer.name", "Customer.email")))
                .put("/v1/sites/" + site + "/scopes/" + names), 403, "forbidden");
        assertError(api.as(scoped).body(Map.of("types", List.of(Map.of("name", "Customer", "fields",
                List.of("name"))))).put("/v1/sites/" + site + "/schema"), 403, "forbidden");
    }

    @Test
    void aRestrictedPersonalTokenMintsNothingWider() {
        String restricted = team.owner().body(Map.of("name", "ra", "expires_in_days", 3,
                "permissions", List.of("read", "admin"))).post("/v1/personal-tokens").then().statusCode(201)
                .extract().path("token");
        refused(api.as(restricted).body(Map.of("name", "all", "expires_in_days", 3, "permissions",
                List.of("read", "write", "delete", "admin"))).post("/v1/personal-tokens"), "permissions");
        api.as(restricted).body(Map.of("name", "default", "expires_in_days", 3)).post("/v1/personal-tokens")
                .then().statusCode(201).body("permissions", equalTo(List.of("read", "admin")));
        refused(mint(restricted, Map.of("name", "sk", "type", "secret", "environment", "live")), "permissions");
        // Nor a member who would hold every permission.
        refused(api.as(restricted).body(Map.of("email", "new@example.com", "name", "New", "role", "developer"))
                .post("/v1/members"), "permissions");
    }

    @Test
    void aMembersOAuthTokenNeverReachesTeamManagement() {
        team.owner().body(Map.of("password", CredentialZoo.PASSWORD)).put("/v1/members/" + team.ownerId()
                + "/password").then().statusCode(204);
        String client = team.owner().body(Map.of("name", "spa", "type", "public", "environment", "live",
                        "redirect_uris", List.of(CredentialZoo.REDIRECT), "scopes", List.of("read")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract().path("client_id");
        String email = team.owner().get("/v1/whoami").path("member.email");
        String token = CodeFlow.memberAccessToken(api, client, CredentialZoo.REDIRECT, email, CredentialZoo.PASSWORD,
                "read");
        for (String path : List.of("/v1/audit-events/export", "/v1/audit-events", "/v1/members",
                "/v1/personal-tokens", "/v1/insights/onboarding", "/v1/sites/" + site + "/oauth-clients")) {
            assertError(api.as(token).get(path), 403, "forbidden");
        }
    }

    @Test
    void introspectionAnswersOnlyWithinTheCallersReach() {
        String otherSite = team.createSite("other");
        String otherLive = api.as(team.ownerToken()).body(Map.of("name", "l", "type", "secret", "environment", "live"))
                .post("/v1/sites/" + otherSite + "/tokens").then().statusCode(201).extract().path("token");
        String sameSiteLive = key(Map.of("name", "l", "type", "secret", "environment", "live"));
        String sameSiteTest = key(Map.of("name", "t2", "type", "secret", "environment", "test"));
        String testKey = key(Map.of("name", "t", "type", "secret", "environment", "test"));
        for (String foreign : List.of(otherLive, sameSiteLive, team.ownerToken())) {
            introspect(testKey, foreign).then().statusCode(200).body("active", equalTo(false))
                    .body("site_id", equalTo(null));
        }
        introspect(testKey, sameSiteTest).then().statusCode(200).body("active", equalTo(true));
        introspect(team.ownerToken(), otherLive).then().statusCode(200).body("active", equalTo(true));
    }

    private Response introspect(String caller, String token) {
        return api.as(caller).contentType(ContentType.URLENC).formParam("token", token).post("/v1/introspect");
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveAnOwner() {
        String unique = Long.toString(System.nanoTime(), 36);
        String second = team.owner().body(Map.of("email", "b-" + unique + "@example.com", "name", "B", "role", "owner"))
                .post("/v1/members").then().statusCode(201).extract().path("id");
        String secondToken = team.owner().body(Map.of("name", "b", "expires_in_days", 1))
                .post("/v1/members/" + second + "/personal-tokens").then().statusCode(201).extract().path("token");
        Map<String, String> tokenOf = Map.of(team.ownerId(), team.ownerToken(), second, secondToken);
        for (int round = 0; round < 4; round++) {
            var first = CompletableFuture.supplyAsync(() -> demote(team.ownerToken(), second));
            var other = CompletableFuture.supplyAsync(() -> demote(secondToken, team.ownerId()));
            int a = first.join();
            int b = other.join();
            List<String> owners = team.owner().queryParam("limit", 100).get("/v1/members").then().statusCode(200)
                    .extract().jsonPath().getList("data.findAll { it.role == 'owner' }.id");
            assertEquals(1, owners.size(), "round " + round + ": answers " + a + " and " + b + ", owners " + owners);
            assertTrue(Set.of(a, b).contains(200), "one demotion succeeds: " + a + ", " + b);
            String demoted = owners.get(0).equals(second) ? team.ownerId() : second;
            api.as(tokenOf.get(owners.get(0))).body(Map.of("role", "owner")).patch("/v1/members/" + demoted)
                    .then().statusCode(200);
        }
    }

    private int demote(String token, String member) {
        return api.as(token).body(Map.of("role", "developer")).patch("/v1/members/" + member).statusCode();
    }

    /**
     * Random makers (keys of every shape that can mint, and personal tokens) ask for random
     * keys; an oracle written here, not the server's code, says whether each request is covered.
     * A covered request is minted exactly as asked; an uncovered one is refused and mints nothing.
     */
    @Test
    void whatIsMintedIsNeverMoreThanTheMaker() {
        long seed = Long.getLong("latchkey.it.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Shape> makers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Shape maker = Shape.random(random, List.of(names, pii), true);
            makers.add(maker.withToken(key(maker.body("maker " + i))));
        }
        int minted = 0;
        int refusedCount = 0;
        for (int i = 0; i < 60; i++) {
            Shape maker = makers.get(random.nextInt(makers.size()));
            Shape wanted = Shape.random(random, List.of(names, pii), false);
            Response response = mint(maker.token(), wanted.body("wanted " + i));
            boolean covered = maker.covers(wanted);
            String context = "seed " + seed + ": " + maker + " asked for " + wanted + " -> " + response.statusCode()
                    + " " + response.asString();
            if (covered) {
                assertEquals(201, response.statusCode(), context);
                String id = response.path("id");
                team.owner().get("/v1/sites/" + site + "/tokens/" + id).then().statusCode(200)
                        .body("environment", equalTo(wanted.environment()))
                        .body("permissions", equalTo(wanted.grantedPermissions()))
                        .body("allowed_ips", equalTo(wanted.canonicalIps()))
                        .body("scopes", containsInAnyOrder(wanted.scopes().toArray()));
                minted++;
            } else {
                assertEquals(403, response.statusCode(), context);
                refusedCount++;
            }
        }
        int mintedTotal = minted;
        int refusedTotal = refusedCount;
        LOG.info(() -> "seed " + seed + ": " + mintedTotal + " covered requests minted as asked, " + refusedTotal
                + " uncovered ones refused");
        assertTrue(minted > 0 && refusedCount > 0, "both outcomes exercised (seed " + seed + ")");
    }

    /** A key's shape as the API takes it, with an oracle of what covers what. */
    record Shape(String environment, String type, List<String> permissions, List<String> scopes, String block,
                 Integer expiresInDays, String token) {

        static final List<String> PERMISSIONS = List.of("read", "write", "delete", "admin");
        static final List<String> BLOCKS = java.util.Arrays.asList(null, "127.0.0.0/8", "127.0.0.1/32", "10.0.0.0/8");

        static Shape random(Random random, List<String> scopeIds, boolean maker) {
            String type = random.nextBoolean() ? "secret" : "restricted";
            List<String> permissions = new ArrayList<>();
            if (type.equals("restricted")) {
                PERMISSIONS.stream().filter(p -> random.nextInt(3) > 0).forEach(permissions::add);
                if (maker && !permissions.contains("admin")) {
                    permissions.add("admin");
                }
                if (permissions.isEmpty()) {
                    permissions.add("read");
                }
            }
            List<String> scopes = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                scopeIds.stream().filter(s -> random.nextBoolean()).forEach(scopes::add);
                if (scopes.isEmpty()) {
                    scopes.add(scopeIds.get(0));
                }
            }
            // A maker must be usable from the tests' own address.
            String block = maker ? List.of("-", "127.0.0.0/8", "127.0.0.1/32").get(random.nextInt(3))
                    : BLOCKS.get(random.nextInt(BLOCKS.size()));
            Integer days = List.of(0, 1, 2, 3).get(random.nextInt(4));
            return new Shape(random.nextBoolean() ? "live" : "test", type, permissions, scopes,
                    "-".equals(block) ? null : block, days == 0 ? null : days, null);
        }

        Shape withToken(String token) {
            return new Shape(environment, type, permissions, scopes, block, expiresInDays, token);
        }

        Map<String, Object> body(String name) {
            Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", type, "environment", environment));
            if (type.equals("restricted")) {
                body.put("permissions", permissions);
            }
            if (!scopes.isEmpty()) {
                body.put("scopes", scopes);
            }
            if (block != null) {
                body.put("allowed_ips", List.of(block));
            }
            if (expiresInDays != null) {
                // Makers expire at whole days from a fixed point, wanted keys half a day off, so neither ties.
                Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.DAYS);
                body.put("expires_at", base.plus(expiresInDays * 24L - (token == null && name.startsWith("wanted")
                        ? 12 : 0), ChronoUnit.HOURS).toString());
            }
            return body;
        }

        List<String> grantedPermissions() {
            return type.equals("secret") ? PERMISSIONS : PERMISSIONS.stream().filter(permissions::contains).toList();
        }

        List<String> canonicalIps() {
            return block == null ? List.of() : List.of(block.contains("/") ? block : block + "/32");
        }

        /** The oracle: every dimension, by the rules as the README states them. */
        boolean covers(Shape wanted) {
            boolean environmentOk = environment.equals(wanted.environment);
            boolean permissionsOk = grantedPermissions().containsAll(wanted.grantedPermissions());
            boolean scopesOk = scopes.isEmpty() || (!wanted.scopes.isEmpty() && scopes.containsAll(wanted.scopes));
            boolean addressesOk = block == null || (wanted.block != null && (block.equals(wanted.block)
                    || (block.equals("127.0.0.0/8") && wanted.block.equals("127.0.0.1/32"))));
            // Wanted keys expire 12 h before the whole day they name: day d is covered by a maker of day >= d.
            boolean expiryOk = expiresInDays == null || (wanted.expiresInDays != null
                    && wanted.expiresInDays <= expiresInDays);
            return environmentOk && permissionsOk && scopesOk && addressesOk && expiryOk;
        }

        @Override
        public String toString() {
            return "{" + environment + " " + type + " " + permissions + " scopes " + scopes + " ips " + block
                    + " days " + expiresInDays + "}";
        }
    }
}
