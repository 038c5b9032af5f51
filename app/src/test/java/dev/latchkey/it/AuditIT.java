package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The audit log, black box: every change leaves one event; query, export, verify, retention;
 * tampering with the database at either end of a chain, or with its head, is reported.
 */
class AuditIT extends DeployedLatchkey {

    @Test
    void eachChangeLeavesExactlyOneEventWithActorTargetAddressAndRequestId() {
        TestTeam team = api.newTeam();
        Response site = team.owner().body(Map.of("name", "audited")).post("/v1/sites");
        String siteId = site.path("id");
        assertOneEvent(team, "site.created", siteId, site.header("X-Request-Id"), team.ownerId());

        Response member = team.owner().body(Map.of("email", "a@example.com", "name", "A", "role", "developer"))
                .post("/v1/members");
        String memberId = member.path("id");
        assertOneEvent(team, "member.added", memberId, member.header("X-Request-Id"), team.ownerId());

        Response promoted = team.owner().body(Map.of("role", "owner")).patch("/v1/members/" + memberId);
        JsonPath roleChange = assertOneEvent(team, "member.role_changed", memberId, promoted.header("X-Request-Id"),
                team.ownerId());
        assertEquals("developer", roleChange.getString("details.from"));
        assertEquals("owner", roleChange.getString("details.to"));

        Response pat = team.owner().body(Map.of("name", "audit me", "expires_in_days", 2)).post("/v1/personal-tokens");
        String patId = pat.path("id");
        JsonPath created = assertOneEvent(team, "personal_token.created", patId, pat.header("X-Request-Id"),
                team.ownerId());
        assertEquals(((String) pat.path("token")).substring(((String) pat.path("token")).length() - 4),
                created.getString("details.last4"));

        // "Who revoked this key, when, from which IP?" — one query.
        Response revoked = team.owner().delete("/v1/personal-tokens/" + patId);
        JsonPath revocation = assertOneEvent(team, "personal_token.revoked", patId, revoked.header("X-Request-Id"),
                team.ownerId());
        assertEquals(team.ownerId(), revocation.getString("actor.id"));
        assertTrue(revocation.getString("occurred_at").endsWith("Z"));
        team.owner().delete("/v1/personal-tokens/" + patId).then().statusCode(200);
        team.owner().queryParam("target", patId).queryParam("action", "personal_token.revoked")
                .get("/v1/audit-events").then().body("data", hasSize(1));

        Response removed = team.owner().delete("/v1/members/" + memberId);
        assertOneEvent(team, "member.removed", memberId, removed.header("X-Request-Id"), team.ownerId());
        Response deleted = team.owner().delete("/v1/sites/" + siteId);
        assertOneEvent(team, "site.deleted", siteId, deleted.header("X-Request-Id"), team.ownerId());

        team.owner().queryParam("action", "team.created").get("/v1/audit-events").then()
                .body("data", hasSize(1))
                .body("data[0].target.id", equalTo(team.id()))
                .body("data[0].actor.type", equalTo("member"));
    }

    @Test
    void failedChangesLeaveNoEvent() {
        TestTeam team = api.newTeam();
        team.createSite("once");
        assertError(team.owner().body(Map.of("name", "once")).post("/v1/sites"), 409, "conflict");
        assertError(team.owner().body(Map.of("name", "")).post("/v1/sites"), 400, "invalid_request");
        String developer = team.memberToken("developer");
        assertError(api.as(developer).body(Map.of("role", "developer")).patch("/v1/members/" + team.ownerId()),
                403, "forbidden");
        assertError(team.owner().delete("/v1/members/" + team.ownerId()), 409, "conflict");
        team.owner().queryParam("action", "site.").get("/v1/audit-events").then().body("data", hasSize(1));
        team.owner().queryParam("action", "member.role_changed").get("/v1/audit-events").then()
                .body("data", hasSize(0));
        team.owner().queryParam("action", "member.removed").get("/v1/audit-events").then()
                .body("data", hasSize(0));
    }

    @Test
    void filtersAndCursorPagesStayCorrectWhileEventsArrive() {
        TestTeam team = api.newTeam();
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sites.add(team.createSite("site " + i));
        }
        Response first = team.owner().queryParam("action", "site.created").queryParam("limit", 2)
                .get("/v1/audit-events");
        first.then().body("data", hasSize(2)).body("has_more", equalTo(true));
        team.createSite("arrived meanwhile");
        List<String> seen = new ArrayList<>(first.jsonPath().getList("data.target.id"));
        String cursor = first.path("next_cursor");
        while (cursor != null) {
            Response page = team.owner().queryParam("action", "site.created").queryParam("limit", 2)
                    .queryParam("starting_after", cursor).get("/v1/audit-events");
            seen.addAll(page.jsonPath().getList("data.target.id"));
            cursor = page.path("next_cursor");
        }
        assertEquals(List.of(sites.get(4), sites.get(3), sites.get(2), sites.get(1), sites.get(0)), seen);

        team.owner().queryParam("site", sites.get(0)).get("/v1/audit-events").then()
                .body("data", hasSize(1)).body("data[0].target.id", equalTo(sites.get(0)));
        team.owner().queryParam("actor", team.ownerId()).queryParam("action", "site.").get("/v1/audit-events")
                .then().body("data", hasSize(6));
        team.owner().queryParam("until", "2000-01-01T00:00:00Z").get("/v1/audit-events").then()
                .body("data", hasSize(0));
        team.owner().queryParam("since", "2000-01-01T00:00:00Z").queryParam("action", "site.created")
                .get("/v1/audit-events").then().body("data", hasSize(6));
        assertError(team.owner().queryParam("since", "yesterday").get("/v1/audit-events"), 400, "invalid_request");
    }

    @Test
    void teamsSeeOnlyTheirOwnEvents() {
        TestTeam mine = api.newTeam();
        TestTeam theirs = api.newTeam();
        String site = theirs.createSite("theirs");
        mine.owner().queryParam("target", site).get("/v1/audit-events").then().body("data", hasSize(0));
        mine.owner().get("/v1/audit-events").then().body("data.target.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(site)));
    }

    @Test
    void exportStreamsALargeRangeAsNdjsonOldestFirst() throws Exception {
        TestTeam team = api.newTeam();
        int inserted = 20_000;
        try (var connection = TestDatabase.connect(); var insert = connection.prepareStatement(
                "insert into audit_events (id, team_id, team_seq, action, occurred_at, actor_type, details, "
                        + "prev_hash, hash, hash_key_id) values (?, ?, ?, 'bulk.event', ?, 'system', '{}', ?, ?, ?)")) {
            // The key id of a real event: a made-up one would (rightly) stop the next start, as
            // data under a master key the ring lacks.
            String keyId;
            try (var query = connection.prepareStatement("select hash_key_id from audit_events where team_id = ? limit 1")) {
                query.setString(1, team.id());
                var row = query.executeQuery();
                row.next();
                keyId = row.getString(1);
            }
            connection.setAutoCommit(false);
            long now = System.currentTimeMillis();
            for (int i = 0; i < inserted; i++) {
                insert.setString(1, "evt_bulk" + team.id().substring(5) + i);
                insert.setString(2, team.id());
                insert.setLong(3, 1_000_000 + i);
                insert.setLong(4, now + i);
                insert.setString(5, "0".repeat(64));
                insert.setString(6, "0".repeat(64));
                insert.setString(7, keyId);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
        Response export = team.owner().queryParam("action", "bulk.").get("/v1/audit-events/export");
        export.then().statusCode(200).contentType("application/x-ndjson");
        assertNull(export.header("Content-Length"), "the export is streamed, not buffered");
        String[] lines = export.asString().split("\n");
        assertEquals(inserted, lines.length);
        assertEquals("evt_bulk" + team.id().substring(5) + 0, JsonPath.from(lines[0]).getString("id"));
        assertEquals("evt_bulk" + team.id().substring(5) + (inserted - 1),
                JsonPath.from(lines[inserted - 1]).getString("id"));
    }

    @Test
    void verifySaysOkAndNamesTheFirstAlteredRow() {
        TestTeam team = api.newTeam();
        team.createSite("a");
        String b = team.createSite("b");
        team.createSite("c");
        team.owner().get("/v1/audit-events/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("first_mismatch", nullValue());
        String altered = team.owner().queryParam("target", b).get("/v1/audit-events").path("data[0].id");
        TestDatabase.execute("update audit_events set actor_name = 'someone else' where id = ?", altered);
        team.owner().get("/v1/audit-events/verify").then()
                .body("ok", equalTo(false))
                .body("first_mismatch.id", equalTo(altered));
    }

    @Test
    void deletedEventsAreDetected() {
        TestTeam team = api.newTeam();
        String a = team.createSite("a");
        team.createSite("b");
        String removed = team.owner().queryParam("target", a).get("/v1/audit-events").path("data[0].id");
        TestDatabase.execute("delete from audit_events where id = ?", removed);
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.reason", equalTo("events before this one are missing"));
    }

    @Test
    void concurrentWritersLeaveAnUnbrokenChain() throws Exception {
        TestTeam team = api.newTeam();
        int threads = 8;
        int each = 5;
        var pool = Executors.newFixedThreadPool(threads);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < each; i++) {
                    team.owner().body(Map.of("name", "t" + thread + "-" + i, "expires_in_days", 1))
                            .post("/v1/personal-tokens").then().statusCode(201);
                }
                return each;
            });
        }
        for (var result : pool.invokeAll(work)) {
            result.get();
        }
        pool.shutdown();
        int total = team.owner().get("/v1/audit-events/export").asString().split("\n").length;
        assertEquals(3 + threads * each, total);
        team.owner().get("/v1/audit-events/verify").then()
                .body("ok", equalTo(true))
                .body("checked", equalTo(total));
    }

    @Test
    void retentionPurgesOldEventsSealsThePurgeAndTheRestStillVerifies() throws Exception {
        TestTeam team = api.newTeam();
        team.createSite("r0");
        String atFirstSite = team.owner().get("/v1/audit-events/verify").path("checkpoint");
        team.createSite("r1");
        team.createSite("r2");
        String beforePurge = team.owner().get("/v1/audit-events/verify").path("checkpoint");
        long old = System.currentTimeMillis() - 40L * 24 * 3600 * 1000;
        TestDatabase.execute("update audit_events set occurred_at = ? where team_id = ? and team_seq <= 4", old, team.id());
        List<String> purges = List.of();
        for (int attempt = 0; attempt < 60 && purges.isEmpty(); attempt++) {
            Thread.sleep(500);
            purges = team.owner().queryParam("action", "audit.purged").get("/v1/audit-events").jsonPath()
                    .getList("data.details.purged_through");
        }
        assertEquals(List.of(4), purges, "events older than the retention are purged, and the purge recorded");
        team.owner().queryParam("action", "site.").get("/v1/audit-events").then().body("data", hasSize(2));
        assertEquals(4L, ((Number) head(team.id()).get("purged_through")).longValue());
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true)).body("checked", equalTo(3));
        assertTrue(atFirstSite.startsWith("4:"), atFirstSite);
        for (String checkpoint : List.of(atFirstSite, beforePurge)) {
            team.owner().queryParam("checkpoint", checkpoint).get("/v1/audit-events/verify").then()
                    .body("ok", equalTo(true));
        }
        String oldestKept = eventId(team.id(), 5);
        TestDatabase.execute("delete from audit_events where id = ?", oldestKept);
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false));
    }

    @Test
    void deletingTheNewestEventsAndRewritingTheHeadIsReportedAndNotLaunderedByTheNextChange() {
        TestTeam team = api.newTeam();
        for (int i = 0; i < 3; i++) {
            team.createSite("t" + i);
        }
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true));
        Map<Long, String> hashes = hashes(team.id());
        long newest = Collections.max(hashes.keySet());
        long keep = newest - 2;
        TestDatabase.execute("delete from audit_events where team_id = ? and team_seq > ?", team.id(), keep);
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.reason", equalTo("events after this position are missing"));

        TestDatabase.execute("update audit_chain_heads set last_seq = ?, last_hash = ? where team_id = ?", keep,
                hashes.get(keep), team.id());
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.chain_position", equalTo((int) keep))
                .body("first_mismatch.reason", containsString("seal does not match"))
                .body("checkpoint", nullValue());
        team.createSite("after the tampering");
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.reason", containsString("seal does not match"));
    }

    @Test
    void deletingTheOldestEventsAndMovingThePurgePointIsReported() {
        TestTeam team = api.newTeam();
        for (int i = 0; i < 3; i++) {
            team.createSite("o" + i);
        }
        Map<Long, String> hashes = hashes(team.id());
        TestDatabase.execute("delete from audit_events where team_id = ? and team_seq <= 2", team.id());
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.reason", equalTo("events before this one are missing"));

        TestDatabase.execute("update audit_chain_heads set purged_through = 2 where team_id = ?", team.id());
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.reason", equalTo("does not link to the chain's start or purge point"));

        TestDatabase.execute("update audit_chain_heads set purged_hash = ? where team_id = ?", hashes.get(2L),
                team.id());
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                .body("first_mismatch.id", nullValue())
                .body("first_mismatch.reason", containsString("seal does not match"));
    }

    @Test
    void aRewrittenCopiedUnsealedOrMissingHeadIsReported() {
        TestTeam team = api.newTeam();
        TestTeam other = api.newTeam();
        team.createSite("h");
        Map<String, Object> original = head(team.id());
        Map<String, Object> others = head(other.id());
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true));

        Map<String, String> tamperings = new LinkedHashMap<>();
        tamperings.put("update audit_chain_heads set last_hash = '" + "f".repeat(64) + "' where team_id = ?",
                "the chain head's seal does not match: its end or purge point was rewritten");
        tamperings.put("update audit_chain_heads set seal = '" + others.get("seal") + "' where team_id = ?",
                "the chain head's seal does not match: its end or purge point was rewritten");
        tamperings.put("update audit_chain_heads set seal = null where team_id = ?", "the chain head is not sealed");
        tamperings.put("update audit_chain_heads set seal_key_id = 'deadbeef' where team_id = ?",
                "the chain head is sealed under a master key no longer configured");
        tamperings.put("delete from audit_chain_heads where team_id = ?", "the chain head is missing");
        tamperings.forEach((sql, reason) -> {
            TestDatabase.execute(sql, team.id());
            team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(false))
                    .body("first_mismatch.reason", equalTo(reason));
            putHead(original);
            team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true));
        });
    }

    @Test
    void aRollbackToAnEarlierSealedStatePassesAloneButNotAgainstAnOperatorsCheckpoint() {
        TestTeam team = api.newTeam();
        team.createSite("before");
        Map<String, Object> earlier = head(team.id());
        team.createSite("later 1");
        team.createSite("later 2");
        String checkpoint = team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true))
                .extract().path("checkpoint");
        assertTrue(checkpoint.matches("\\d+:[0-9a-f]{64}"), checkpoint);
        team.owner().queryParam("checkpoint", checkpoint).get("/v1/audit-events/verify").then()
                .body("ok", equalTo(true));

        // Everything an attacker without the master key can do: put back an older, consistent, sealed state.
        TestDatabase.execute("delete from audit_events where team_id = ? and team_seq > ?", team.id(),
                earlier.get("last_seq"));
        putHead(earlier);
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true));
        team.owner().queryParam("checkpoint", checkpoint).get("/v1/audit-events/verify").then()
                .body("ok", equalTo(false))
                .body("first_mismatch.reason", equalTo("the chain ends before the checkpoint: it was rolled back"));

        team.createSite("rewritten 1");
        team.createSite("rewritten 2");
        team.owner().queryParam("checkpoint", checkpoint).get("/v1/audit-events/verify").then()
                .body("ok", equalTo(false))
                .body("first_mismatch.reason", containsString("does not match the checkpoint"));
        assertError(team.owner().queryParam("checkpoint", "12:nothex").get("/v1/audit-events/verify"), 400,
                "invalid_request");
    }

    @Test
    void securityChangesAreAuditedWithoutTheirSecrets() {
        TestTeam team = api.newTeam();
        String site = team.createSite("secured");
        Set<String> secrets = new HashSet<>();
        String password = "correct horse battery staple";
        secrets.add(password);
        team.owner().body(Map.of("password", password)).put("/v1/members/" + team.ownerId() + "/password")
                .then().statusCode(204);
        assertOneEvent(team, "member.password_set", team.ownerId());

        Response client = team.owner().body(Map.of("name", "audited client", "type", "confidential",
                "environment", "test", "scopes", List.of("read"))).post("/v1/sites/" + site + "/oauth-clients");
        String clientId = client.then().statusCode(201).extract().path("client_id");
        secrets.add(client.path("client_secret"));
        JsonPath created = assertOneEvent(team, "oauth_client.created", clientId);
        assertEquals("test", created.getString("details.environment"));
        assertEquals(false, created.getBoolean("details.registered_keys"));
        Response rolled = team.owner().post("/v1/sites/" + site + "/oauth-clients/" + clientId + "/secret");
        String secret = rolled.then().statusCode(201).extract().path("client_secret");
        secrets.add(secret);
        assertOneEvent(team, "oauth_client.secret_rolled", clientId);

        String access = api.anonymous().contentType(ContentType.URLENC).auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials").formParam("scope", "read").post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        secrets.add(access.substring(access.lastIndexOf('.') + 1));
        for (int i = 0; i < 2; i++) {
            api.anonymous().contentType(ContentType.URLENC).auth().preemptive().basic(clientId, secret)
                    .formParam("token", access).post("/oauth/revoke").then().statusCode(200);
        }
        JsonPath revoked = assertOneEvent(team, "oauth_token.revoked", null);
        assertEquals("oauth_client", revoked.getString("actor.type"));
        assertEquals(clientId, revoked.getString("actor.id"));
        assertEquals(clientId, revoked.getString("details.client_id"));

        Response siteToken = team.owner().post("/v1/sites/" + site + "/site-token");
        secrets.add(siteToken.then().statusCode(201).extract().path("token"));
        assertOneEvent(team, "site_token.created", siteToken.path("id"));

        Response rotation = api.as(Api.bootstrapToken()).body(Map.of("activate_in_seconds", 3600))
                .post("/v1/oauth/signing-keys/rotate");
        String kid = rotation.then().statusCode(201).extract().path("kid");
        Response keyEvents = api.as(Api.bootstrapToken()).queryParam("action", "signing_key.rotated")
                .queryParam("target", kid).get("/v1/audit-events");
        keyEvents.then().body("data", hasSize(1))
                .body("data[0].request_id", equalTo(rotation.header("X-Request-Id")))
                .body("data[0].details.active_from", notNullValue())
                .body("data[0].details.retired_kids", not(org.hamcrest.Matchers.empty()))
                .body("data[0].details", not(hasKey("d")));

        String log = team.owner().get("/v1/audit-events/export").asString() + keyEvents.asString();
        for (String value : secrets) {
            assertFalse(log.contains(value), "a secret reached the audit log");
        }
        team.owner().get("/v1/audit-events/verify").then().body("ok", equalTo(true));
    }

    @Test
    void refusedUsesOfARealCredentialAreAuditedAtMostOncePerWindow() {
        TestTeam team = api.newTeam();
        Response created = team.owner().body(Map.of("name", "leaked", "expires_in_days", 1)).post("/v1/personal-tokens");
        String token = created.path("token");
        team.owner().delete("/v1/personal-tokens/" + created.path("id")).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            assertError(api.as(token).get("/v1/whoami"), 401, "unauthorized");
        }
        team.owner().queryParam("action", "auth.refused").get("/v1/audit-events").then()
                .body("data", hasSize(1))
                .body("data[0].target.id", equalTo(created.path("id")))
                .body("data[0].details.reason", equalTo("revoked"))
                .body("data[0].actor.type", equalTo("anonymous"))
                .body("data[0].ip", anyOf(equalTo("127.0.0.1"), equalTo("0:0:0:0:0:0:0:1")));
    }

    @Test
    void developersReadTheLogButSiteCredentialsAndOutsidersDoNot() {
        TestTeam team = api.newTeam();
        String developer = team.memberToken("developer");
        api.as(developer).get("/v1/audit-events").then().statusCode(200);
        assertError(api.anonymous().get("/v1/audit-events"), 401, "unauthorized");
    }

    @Test
    void noSecretIsEverStoredInEventsOrWrittenToTheServerLog() throws Exception {
        TestTeam team = api.newTeam();
        Set<String> secrets = new HashSet<>();
        secrets.add(team.ownerToken());
        secrets.add(team.memberToken("developer"));
        Response pat = team.owner().body(Map.of("name", "s", "expires_in_days", 1)).post("/v1/personal-tokens");
        secrets.add(pat.path("token"));
        team.owner().delete("/v1/personal-tokens/" + pat.path("id")).then().statusCode(200);
        api.as(pat.path("token")).get("/v1/whoami").then().statusCode(401);
        api.anonymous().header("X-API-Key", team.ownerToken()).get("/v1/whoami").then().statusCode(200);

        List<String> stored = new ArrayList<>();
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from audit_events")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    stored.add(String.valueOf(rows.getObject(c)));
                }
            }
        }
        Path serverLog = Path.of("target/it-server.log");
        String log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
        assertTrue(log.contains("master key"), "the Payara output (the startup banner) must be readable to be checked");
        for (String secret : secrets) {
            String secretPart = secret.substring(secret.indexOf('_') + 1 + 12, secret.length() - 6);
            assertFalse(stored.stream().anyMatch(v -> v.contains(secretPart)), "a secret reached the audit log");
            assertFalse(log.contains(secretPart), "a secret reached the server log");
        }
    }

    private JsonPath assertOneEvent(TestTeam team, String action, String targetId, String requestId, String actorId) {
        Response events = team.owner().queryParam("action", action).queryParam("target", targetId)
                .get("/v1/audit-events");
        events.then().statusCode(200).body("data", hasSize(1));
        JsonPath event = JsonPath.from(events.jsonPath().prettify()).setRootPath("data[0]");
        assertEquals(action, event.getString("action"));
        assertEquals(targetId, event.getString("target.id"));
        assertEquals(requestId, event.getString("request_id"));
        assertEquals(actorId, event.getString("actor.id"));
        assertTrue(Set.of("127.0.0.1", "0:0:0:0:0:0:0:1").contains(event.getString("ip")), event.getString("ip"));
        assertTrue(event.getString("id").startsWith("evt_"));
        return event;
    }

    private JsonPath assertOneEvent(TestTeam team, String action, String targetId) {
        var request = team.owner().queryParam("action", action);
        if (targetId != null) {
            request = request.queryParam("target", targetId);
        }
        Response events = request.get("/v1/audit-events");
        events.then().statusCode(200).body("data", hasSize(1));
        return JsonPath.from(events.jsonPath().prettify()).setRootPath("data[0]");
    }

    /** The team's chain head as stored, column by column. */
    private static Map<String, Object> head(String teamId) {
        try (var connection = TestDatabase.connect();
             var select = connection.prepareStatement("select * from audit_chain_heads where team_id = ?")) {
            select.setString(1, teamId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "the team has a chain head");
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                    columns.put(row.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT), row.getObject(c));
                }
                return columns;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a chain head back exactly as {@link #head} read it. */
    private static void putHead(Map<String, Object> columns) {
        TestDatabase.execute("delete from audit_chain_heads where team_id = ?", columns.get("team_id"));
        String names = String.join(", ", columns.keySet());
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        TestDatabase.execute("insert into audit_chain_heads (" + names + ") values (" + marks + ")",
                columns.values().toArray());
    }

    /** Chain position to event hash, for the team's stored events. */
    private static Map<Long, String> hashes(String teamId) {
        Map<Long, String> hashes = new TreeMap<>();
        try (var connection = TestDatabase.connect(); var select = connection.prepareStatement(
                "select team_seq, hash from audit_events where team_id = ?")) {
            select.setString(1, teamId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getLong(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    private static String eventId(String teamId, long position) {
        try (var connection = TestDatabase.connect(); var select = connection.prepareStatement(
                "select id from audit_events where team_id = ? and team_seq = ?")) {
            select.setString(1, teamId);
            select.setLong(2, position);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "an event at position " + position);
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
