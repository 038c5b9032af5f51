package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The foundation, black box over HTTP against the real WAR on Payara Micro and MariaDB:
 * bootstrap, teams, members, sites, personal access tokens, the credential filter and the
 * error shape.
 */
class FoundationIT extends DeployedLatchkey {

    // --- bootstrap and teams ---

    @Test
    void bootstrapTokenIsWrittenOwnerOnlyAndAuthenticatesTheInstanceAdmin() throws Exception {
        Path file = Path.of(System.getProperty("latchkey.it.data-dir"), "bootstrap-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        api.as(Api.bootstrapToken()).get("/v1/whoami").then().statusCode(200)
                .body("kind", equalTo("personal_token"))
                .body("member.role", equalTo("owner"))
                .body("team.id", startsWith("team_"))
                .body("permissions", hasItems("read", "write", "delete", "admin"));
    }

    @Test
    void instanceAdminCreatesTeamWhoseOwnerTokenWorksAndIsShownOnce() {
        TestTeam team = api.newTeam();
        team.owner().get("/v1/whoami").then().statusCode(200)
                .body("team.id", equalTo(team.id()))
                .body("member.id", equalTo(team.ownerId()))
                .body("member.role", equalTo("owner"));
        team.owner().get("/v1/team").then().statusCode(200).body("id", equalTo(team.id()));
        team.owner().get("/v1/personal-tokens").then().statusCode(200)
                .body("data", org.hamcrest.Matchers.hasSize(1))
                .body("data[0]", not(hasKey("token")))
                .body("data[0].last4", equalTo(team.ownerToken().substring(team.ownerToken().length() - 4)));
    }

    @Test
    void onlyTheInstanceAdminCreatesTeams() {
        TestTeam team = api.newTeam();
        assertError(team.owner().body(Map.of("name", "x", "owner_email", "a@example.com", "owner_name", "A"))
                .post("/v1/teams"), 403, "forbidden");
    }

    // --- presenting credentials ---

    @Test
    void eachHeaderStyleAuthenticates() {
        TestTeam team = api.newTeam();
        String token = team.ownerToken();
        api.anonymous().header("Authorization", "Bearer " + token).get("/v1/whoami").then().statusCode(200);
        String basic = Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
        api.anonymous().header("Authorization", "Basic " + basic).get("/v1/whoami").then().statusCode(200)
                .body("member.id", equalTo(team.ownerId()));
        api.anonymous().header("X-API-Key", token).get("/v1/whoami").then().statusCode(200)
                .body("member.id", equalTo(team.ownerId()));
    }

    @Test
    void tokenInQueryStringIsRefusedEvenWithValidHeader() {
        TestTeam team = api.newTeam();
        assertError(team.owner().queryParam("access_token", team.ownerToken()).get("/v1/whoami"), 400, "invalid_request");
        assertError(api.anonymous().queryParam("q", team.ownerToken()).get("/v1/sites"), 400, "invalid_request");
    }

    @Test
    void missingMalformedAndUnknownCredentialsAnswer401WithChallenge() {
        var missing = api.anonymous().get("/v1/whoami");
        assertError(missing, 401, "unauthorized");
        missing.then().header("WWW-Authenticate", startsWith("Bearer"));
        assertError(api.as("not-a-token").get("/v1/whoami"), 401, "unauthorized");
        String real = api.newTeam().ownerToken();
        String mistyped = real.substring(0, 20) + (real.charAt(20) == 'a' ? 'b' : 'a') + real.substring(21);
        assertError(api.as(mistyped).get("/v1/whoami"), 401, "unauthorized");
        // Well-formed, right checksum, never issued: rejected after the lookup.
        assertError(api.as(wellFormedUnknownToken()).get("/v1/whoami"), 401, "unauthorized");
        assertError(api.anonymous().header("Authorization", "Token abc").get("/v1/whoami"), 401, "unauthorized");
    }

    // --- personal access tokens ---

    @Test
    void personalTokenIsShownOnceAndListedWithoutSecret() {
        TestTeam team = api.newTeam();
        var created = team.owner().body(Map.of("name", "ci", "expires_in_days", 30, "permissions", List.of("read")))
                .post("/v1/personal-tokens");
        created.then().statusCode(201)
                .body("token", startsWith("pat_"))
                .body("id", startsWith("tok_"))
                .body("permissions", equalTo(List.of("read")))
                .body("status", equalTo("active"))
                .body("expires_at", notNullValue());
        String id = created.path("id");
        String token = created.path("token");
        assertEquals(token.substring(token.length() - 4), created.path("last4"));
        team.owner().get("/v1/personal-tokens/" + id).then().statusCode(200)
                .body("$", not(hasKey("token")))
                .body("name", equalTo("ci"));
        String listing = team.owner().get("/v1/personal-tokens").then().statusCode(200).extract().asString();
        assertTrue(!listing.contains(token), "the listing must not contain the secret");
    }

    @Test
    void personalTokenActsWithOnlyTheGivenPermissions() {
        TestTeam team = api.newTeam();
        String readOnly = team.owner().body(Map.of("name", "ro", "expires_in_days", 1, "permissions", List.of("read")))
                .post("/v1/personal-tokens").then().statusCode(201).extract().path("token");
        api.as(readOnly).get("/v1/sites").then().statusCode(200);
        assertError(api.as(readOnly).body(Map.of("name", "nope")).post("/v1/sites"), 403, "forbidden");
        api.as(readOnly).get("/v1/whoami").then().body("permissions", equalTo(List.of("read")));
    }

    @Test
    void personalTokenRequestsAreValidated() {
        TestTeam team = api.newTeam();
        assertError(team.owner().body(Map.of("name", "x", "expires_in_days", 367)).post("/v1/personal-tokens"),
                400, "invalid_request");
        assertError(team.owner().body(Map.of("name", "x", "expires_in_days", 0)).post("/v1/personal-tokens"),
                400, "invalid_request");
        var noExpiry = team.owner().body(Map.of("name", "x")).post("/v1/personal-tokens");
        assertError(noExpiry, 400, "invalid_request");
        noExpiry.then().body("errors.field", hasItems("expires_in_days"));
        assertError(team.owner().body(Map.of("name", "x", "expires_in_days", 5, "permissions", List.of("root")))
                .post("/v1/personal-tokens"), 400, "invalid_request");
        team.owner().get("/v1/personal-tokens").then().body("data", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void revokedTokenAnswers401OnItsVeryNextUse() {
        TestTeam team = api.newTeam();
        var created = team.owner().body(Map.of("name", "short", "expires_in_days", 1)).post("/v1/personal-tokens");
        String token = created.path("token");
        api.as(token).get("/v1/whoami").then().statusCode(200);
        team.owner().delete("/v1/personal-tokens/" + created.path("id")).then().statusCode(200)
                .body("status", equalTo("revoked"));
        var after = api.as(token).get("/v1/whoami");
        assertError(after, 401, "unauthorized");
        after.then().body("message", containsString("revoked"));
    }

    @Test
    void expiredTokenAnswers401() {
        TestTeam team = api.newTeam();
        var created = team.owner().body(Map.of("name", "old", "expires_in_days", 1)).post("/v1/personal-tokens");
        String token = created.path("token");
        TestDatabase.execute("update credentials set expires_at = ? where id = ?",
                System.currentTimeMillis() - 1000, created.path("id"));
        var after = api.as(token).get("/v1/whoami");
        assertError(after, 401, "unauthorized");
        after.then().body("message", containsString("expired"));
        team.owner().get("/v1/personal-tokens/" + created.path("id")).then().body("status", equalTo("expired"));
    }

    @Test
    void lastUsedTimeIsRecordedOnFirstUse() {
        TestTeam team = api.newTeam();
        var created = team.owner().body(Map.of("name", "u", "expires_in_days", 1)).post("/v1/personal-tokens");
        created.then().body("last_used_at", nullValue());
        api.as(created.path("token")).get("/v1/whoami").then().statusCode(200);
        team.owner().get("/v1/personal-tokens/" + created.path("id")).then().body("last_used_at", notNullValue());
    }

    @Test
    void anotherMembersTokenCannotBeSeenOrRevoked() {
        TestTeam team = api.newTeam();
        String developer = team.memberToken("developer");
        String ownerTokenId = team.owner().get("/v1/personal-tokens").path("data[0].id");
        assertError(api.as(developer).get("/v1/personal-tokens/" + ownerTokenId), 404, "not_found");
        assertError(api.as(developer).delete("/v1/personal-tokens/" + ownerTokenId), 404, "not_found");
        team.owner().get("/v1/whoami").then().statusCode(200);
    }

    // --- members and roles ---

    @Test
    void ownerOnboardsDeveloperWithFirstToken() {
        TestTeam team = api.newTeam();
        String developer = team.memberToken("developer");
        api.as(developer).get("/v1/whoami").then().statusCode(200)
                .body("member.role", equalTo("developer"))
                .body("team.id", equalTo(team.id()));
        team.owner().get("/v1/members").then().statusCode(200).body("data", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void developerCannotChangeRolesRemoveMembersOrAddOwners() {
        TestTeam team = api.newTeam();
        String developer = team.memberToken("developer");
        assertError(api.as(developer).body(Map.of("role", "developer")).patch("/v1/members/" + team.ownerId()),
                403, "forbidden");
        assertError(api.as(developer).delete("/v1/members/" + team.ownerId()), 403, "forbidden");
        assertError(api.as(developer).body(Map.of("email", "boss@example.com", "name", "Boss", "role", "owner"))
                .post("/v1/members"), 403, "forbidden");
        api.as(developer).body(Map.of("email", "dev2@example.com", "name", "Dev Two", "role", "developer"))
                .post("/v1/members").then().statusCode(201);
        team.owner().get("/v1/members/" + team.ownerId()).then().body("role", equalTo("owner"));
    }

    @Test
    void removingMemberEndsTheirTokensAndLastOwnerStays() {
        TestTeam team = api.newTeam();
        String developer = team.memberToken("developer");
        String developerId = api.as(developer).get("/v1/whoami").path("member.id");
        assertError(team.owner().delete("/v1/members/" + team.ownerId()), 409, "conflict");
        assertError(team.owner().body(Map.of("role", "developer")).patch("/v1/members/" + team.ownerId()),
                409, "conflict");
        team.owner().body(Map.of("role", "owner")).patch("/v1/members/" + developerId).then().statusCode(200)
                .body("role", equalTo("owner"));
        team.owner().delete("/v1/members/" + developerId).then().statusCode(204);
        assertError(api.as(developer).get("/v1/whoami"), 401, "unauthorized");
        assertError(team.owner().get("/v1/members/" + developerId), 404, "not_found");
    }

    @Test
    void duplicateMemberEmailConflictsAndBadRoleIsRejected() {
        TestTeam team = api.newTeam();
        Map<String, String> member = Map.of("email", "dup@example.com", "name", "Dup", "role", "developer");
        team.owner().body(member).post("/v1/members").then().statusCode(201);
        assertError(team.owner().body(member).post("/v1/members"), 409, "conflict");
        assertError(team.owner().body(Map.of("email", "x@example.com", "name", "X", "role", "king"))
                .post("/v1/members"), 400, "invalid_request");
        assertError(team.owner().body(Map.of("email", "not-an-email", "name", "X", "role", "developer"))
                .post("/v1/members"), 400, "invalid_request");
    }

    // --- sites ---

    @Test
    void sitesAreCreatedListedPagedAndDeleted() {
        TestTeam team = api.newTeam();
        String first = team.createSite("one");
        String second = team.createSite("two");
        String third = team.createSite("three");
        var page = team.owner().queryParam("limit", 2).get("/v1/sites");
        page.then().statusCode(200)
                .body("data.id", equalTo(List.of(third, second)))
                .body("has_more", equalTo(true))
                .body("next_cursor", equalTo(second));
        team.owner().queryParam("limit", 2).queryParam("starting_after", second).get("/v1/sites").then()
                .body("data.id", equalTo(List.of(first)))
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue());
        team.owner().get("/v1/sites/" + first).then().statusCode(200).body("name", equalTo("one"));
        assertError(team.owner().body(Map.of("name", "one")).post("/v1/sites"), 409, "conflict");
        team.owner().delete("/v1/sites/" + first).then().statusCode(204);
        assertError(team.owner().get("/v1/sites/" + first), 404, "not_found");
    }

    @Test
    void anotherTeamsSiteAnswers404NeverForbidden() {
        TestTeam mine = api.newTeam();
        TestTeam theirs = api.newTeam();
        String site = theirs.createSite("private");
        assertError(mine.owner().get("/v1/sites/" + site), 404, "not_found");
        assertError(mine.owner().delete("/v1/sites/" + site), 404, "not_found");
        mine.owner().get("/v1/sites").then().body("data", org.hamcrest.Matchers.empty());
        assertError(mine.owner().get("/v1/members/" + theirs.ownerId()), 404, "not_found");
        assertError(mine.owner().queryParam("starting_after", site).get("/v1/sites"), 400, "invalid_request");
        theirs.owner().get("/v1/sites/" + site).then().statusCode(200);
    }

    // --- the error shape ---

    @Test
    void malformedJsonAndInvalidFieldsAnswer400AndChangeNothing() {
        TestTeam team = api.newTeam();
        assertError(team.owner().body("{\"name\": ").post("/v1/sites"), 400, "invalid_request");
        var invalid = team.owner().body(Map.of("name", "")).post("/v1/sites");
        assertError(invalid, 400, "invalid_request");
        invalid.then().body("errors[0].field", equalTo("name"));
        assertError(team.owner().body("[1,2]").post("/v1/sites"), 400, "invalid_request");
        assertError(team.owner().post("/v1/sites"), 400, "invalid_request");
        assertError(team.owner().queryParam("limit", "lots").get("/v1/sites"), 400, "invalid_request");
        team.owner().get("/v1/sites").then().body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void unknownPathsWrongMethodsAndMediaTypesUseTheErrorShape() {
        TestTeam team = api.newTeam();
        assertError(api.anonymous().get("/no/such/path"), 404, "not_found");
        assertError(team.owner().get("/v1/nothing-here"), 404, "not_found");
        assertError(team.owner().put("/v1/whoami"), 405, "method_not_allowed");
        assertError(team.owner().contentType(ContentType.TEXT).body("name=x").post("/v1/sites"),
                415, "unsupported_media_type");
    }

    @Test
    void everyResponseCarriesARequestId() {
        TestTeam team = api.newTeam();
        String first = team.owner().get("/v1/whoami").then().statusCode(200).extract().header("X-Request-Id");
        String second = team.owner().get("/v1/whoami").then().extract().header("X-Request-Id");
        assertTrue(first.startsWith("req_"));
        assertNotEquals(first, second);
    }

    // --- health ---

    @Test
    void healthIsPublicAndReady() {
        api.anonymous().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        api.anonymous().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("database"));
    }

    /** A token with the right shape and checksum that was never issued. */
    private static String wellFormedUnknownToken() {
        return TokenShapes.wellFormed("pat_");
    }
}
