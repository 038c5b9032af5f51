package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets are never stored in plaintext, logged, audited or shown again — checked over every
 * kind at once: personal access tokens ({@code pat_}), API keys ({@code sk_}, {@code rk_}), the
 * site token ({@code st_}), an OAuth client secret ({@code lcs_}), OAuth access tokens (JWTs) and
 * refresh tokens ({@code ort_}), a console session's cookie, a member's password and a
 * provider's access and refresh tokens. Each is used, and refused where it may not go; then
 * every column of every table, the server and access logs, the audit export and every listing
 * are searched for it.
 */
class SecretLeaksIT extends DeployedLatchkey {

    @Test
    void noSecretOfAnyKindIsStoredInPlaintextLoggedAuditedOrListedAgain() throws Exception {
        CredentialZoo zoo = new CredentialZoo(api);
        String site = zoo.site;
        Map<String, String> secrets = new LinkedHashMap<>();
        for (CredentialZoo.Held held : zoo.all) {
            if (!held.isNone() && !held.name().startsWith("other team's owner")) {
                secrets.put(held.name(), held.token());
            }
        }
        secrets.put("member password", CredentialZoo.PASSWORD);

        var client = zoo.team.owner().body(Map.of("name", "leaky", "type", "confidential", "environment", "live",
                        "redirect_uris", List.of(CredentialZoo.REDIRECT), "scopes", List.of("read", "offline_access")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract();
        secrets.put("OAuth client secret", client.path("client_secret"));
        assertTrue(secrets.get("OAuth client secret").startsWith("lcs_"));
        // The search finds a secret where it is shown on purpose (once, at creation): it can find leaks.
        assertTrue(client.asString().contains(fragment(secrets.get("OAuth client secret"))));
        String publicClient = zoo.team.owner().body(Map.of("name", "spa2", "type", "public", "environment", "live",
                        "redirect_uris", List.of(CredentialZoo.REDIRECT), "scopes", List.of("read", "offline_access")))
                .post("/v1/sites/" + site + "/oauth-clients").then().statusCode(201).extract().path("client_id");
        Map<String, Object> tokens = CodeFlow.memberTokens(api, publicClient, CredentialZoo.REDIRECT, zoo.ownerEmail,
                CredentialZoo.PASSWORD, "read offline_access");
        secrets.put("OAuth refresh token", (String) tokens.get("refresh_token"));
        assertTrue(secrets.get("OAuth refresh token").startsWith("ort_"));

        String siteToken = secrets.get("site token");
        try (FakeOAuthServer acme = new FakeOAuthServer(Integer.getInteger("latchkey.it.fake-provider-port"))) {
            Response started = zoo.team.owner().body(Map.of("provider", "acme", "scopes", List.of("read")))
                    .post("/v1/sites/" + site + "/connections");
            Map<String, String> query = ConnectionsIT.query(started.path("authorize_url"));
            String code = acme.approve(query.get("code_challenge"), query.get("scope"), 3600);
            api.anonymous().queryParam("state", (String) started.path("state")).queryParam("code", code)
                    .get("/v1/connections/callback").then().statusCode(200);
            Response handedOut = api.as(siteToken).get("/v1/site/connections/acme");
            String providerAccess = handedOut.then().statusCode(200).extract().path("access_token");
            assertTrue(handedOut.asString().contains(fragment(providerAccess)));
            FakeOAuthServer.Grant grant = acme.grantOfAccessToken(providerAccess);
            assertNotNull(grant);
            secrets.put("provider access token", providerAccess);
            secrets.put("provider refresh token", grant.refreshToken);
        }

        // Each is used where it works and refused where it does not, so every path sees it.
        List<String> answers = new ArrayList<>();
        for (CredentialZoo.Held held : zoo.all) {
            if (held.isNone()) {
                continue;
            }
            for (String route : List.of("/v1/whoami", "/v1/members", "/v1/site/connections")) {
                answers.add(held.presentedOn(api.anonymous(), "GET").get(route).asString());
            }
        }
        answers.add(api.anonymous().header("Authorization", "Bearer " + secrets.get("sk_live") + "x")
                .get("/v1/whoami").asString());
        answers.add(api.anonymous().contentType(ContentType.URLENC).auth().preemptive()
                .basic(client.path("client_id"), secrets.get("OAuth client secret") + "x")
                .formParam("grant_type", "client_credentials").post("/oauth/token").asString());
        answers.add(api.anonymous().body(Map.of("email", zoo.ownerEmail, "password", CredentialZoo.PASSWORD + "x",
                "team_id", zoo.team.id())).post("/v1/sessions").asString());

        Map<String, String> places = new LinkedHashMap<>();
        places.put("refusals and error answers", String.join("\n", answers));
        for (String listing : List.of("/v1/sites/" + site + "/tokens", "/v1/personal-tokens", "/v1/members",
                "/v1/sites/" + site + "/oauth-clients", "/v1/sites/" + site + "/connections", "/v1/sessions",
                "/v1/oauth-grants", "/v1/audit-events?limit=100", "/v1/audit-events/export")) {
            Response listed = zoo.team.owner().get(listing);
            assertEquals(200, listed.statusCode(), listing + ": " + listed.asString());
            places.put("GET " + listing, listed.asString());
        }
        places.put("the server log", read(Path.of("target/it-server.log")));
        places.put("the access log", read(Path.of(System.getProperty("latchkey.it.access-log"))));
        places.put("the database", everyStoredValue());
        assertTrue(places.get("the server log").contains("master key"), "the server log must be readable to be checked");
        assertTrue(places.get("the database").contains(zoo.team.id()), "the database must be readable to be checked");

        List<String> leaks = new ArrayList<>();
        secrets.forEach((kind, secret) -> places.forEach((place, text) -> {
            if (text.contains(fragment(secret))) {
                leaks.add(kind + " in " + place);
            }
        }));
        assertTrue(leaks.isEmpty(), "secrets found: " + leaks);
    }

    /** A part of the secret's random body: enough to be unique, never just its prefix. */
    private static String fragment(String secret) {
        return secret.length() <= 24 ? secret : secret.substring(secret.length() - 22, secret.length() - 4);
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Every value of every row of every table of the test database, as text. */
    private static String everyStoredValue() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("show tables")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select * from `" + table + "`")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            all.append(value instanceof byte[] bytes ? new String(bytes,
                                    java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(value)).append('\n');
                        }
                    }
                }
            }
        }
        return all.toString();
    }
}
