package dev.latchkey.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import dev.latchkey.access.control.ResourceRoutes;
import dev.latchkey.access.control.Route;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as a contract: served on the first call, listing every route the
 * application serves (read off its resource classes, as the route matrix does), and describing
 * what the routes really answer — real responses are validated against it. Also the
 * browsable reference at {@code /docs/}.
 */
class OpenApiIT extends DeployedLatchkey {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options");

    private Response document() {
        return api.anonymous().queryParam("format", "JSON").get("/openapi");
    }

    @Test
    void theDocumentListsEveryRouteOfTheApplicationAndNoOther() {
        // Each test class gets a fresh deployment: in whichever order the tests run, one of
        // them makes the first call, which used to fail with a NullPointerException.
        Response document = document();
        document.then().statusCode(200).contentType(containsString("json"));
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, ?>> paths = document.jsonPath().getMap("paths");
        paths.forEach((path, item) -> item.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> documented.add(Route.parse(method.toUpperCase() + " " + path).toString())));
        Set<String> served = new TreeSet<>();
        ResourceRoutes.all().forEach(s -> served.add(s.route().toString()));

        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        assertTrue(missing.isEmpty(), "routes missing from /openapi: " + missing);
        assertTrue(extra.isEmpty(), "operations in /openapi that no resource serves: " + extra);
        assertTrue(served.size() > 60, "the route list itself looks wrong: " + served.size());
    }

    @Test
    void theDocumentSpeaksSnakeCaseDescribesErrorsAndSecuritySchemes() {
        JsonPath document = document().then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> schemas = document.getMap("components.schemas");
        List<String> camelCase = schemas.entrySet().stream()
                .flatMap(schema -> {
                    Object properties = schema.getValue().get("properties");
                    return properties instanceof Map<?, ?> map
                            ? map.keySet().stream().map(name -> schema.getKey() + "." + name) : java.util.stream.Stream.empty();
                })
                .filter(name -> Pattern.compile("[A-Z]").matcher(name.substring(name.indexOf('.') + 1)).find())
                .toList();
        assertEquals(List.of(), camelCase, "JSON-B writes snake_case names");
        assertEquals("string", document.getString("components.schemas.SiteView.properties.created_at.type"));
        assertEquals(List.of("error", "message", "request_id"),
                document.getList("components.schemas.ErrorView.required"));
        assertEquals("#/components/schemas/ErrorView",
                document.getString("paths.'/v1/sites'.post.responses.'400'.content.'application/json'.schema.'$ref'"));
        assertEquals("bearer", document.getString("components.securitySchemes.bearer.scheme"));
        assertTrue(document.getString("components.securitySchemes.oauth2.flows.authorizationCode.tokenUrl")
                .endsWith("/oauth/token"));
        List<Object> jwks = document.getList("paths.'/oauth/jwks'.get.security");
        assertTrue(jwks == null || jwks.isEmpty(), "a public route needs no credential: " + jwks);
        // Which credential styles a route takes follows the access policy: a member's route takes a token
        // or the console's cookie, the session's own routes only the cookie, the data API never the cookie.
        assertEquals(List.of(Map.of("bearer", List.of()), Map.of("session", List.of())),
                document.getList("paths.'/v1/sites'.post.security"));
        assertEquals(List.of(Map.of("session", List.of())), document.getList("paths.'/v1/session'.get.security"));
        assertEquals("cookie", document.getString("components.securitySchemes.session.in"));
        assertFalse(String.valueOf(document.getList("paths.'/v1/sites/{site}/data/{type}/{id}'.get.security"))
                .contains("session"), "the data API takes no console session");
        Set<String> ids = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.values().forEach(item -> item.forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method)) {
                assertTrue(ids.add(String.valueOf(operation.get("operationId"))),
                        "operation ids are unique: " + operation.get("operationId"));
            }
        }));
    }

    /**
     * Every success of a /v1 operation says what its body is: a schema with properties (or a
     * page of a named type), never an empty object — but a 204, which has no body.
     */
    @Test
    void everySuccessOfTheApiHasATypedBody() {
        JsonPath document = document().then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> schemas = document.getMap("components.schemas");
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> untyped = new java.util.ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!HTTP_METHODS.contains(method) || !path.startsWith("/v1/")) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> successes = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            if (successes.isEmpty() || responses.containsKey("default")) {
                untyped.add(method + " " + path + ": no 2xx status, or a catch-all default");
            }
            for (String code : successes) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> content =
                        (Map<String, Map<String, Object>>) responses.get(code).get("content");
                if (code.equals("204")) {
                    if (content != null) {
                        untyped.add(method + " " + path + " 204 has a body");
                    }
                    continue;
                }
                if (content == null || content.isEmpty()) {
                    untyped.add(method + " " + path + " " + code + ": no content");
                    continue;
                }
                content.forEach((mediaType, media) -> {
                    String problem = typedProblem(media.get("schema"), schemas);
                    if (problem != null) {
                        untyped.add(method + " " + path + " " + code + " " + mediaType + ": " + problem);
                    }
                });
            }
        }));
        assertEquals(List.of(), untyped);
    }

    @SuppressWarnings("unchecked")
    private static String typedProblem(Object schemaObject, Map<String, Map<String, Object>> schemas) {
        if (!(schemaObject instanceof Map<?, ?> schema)) {
            return "no schema";
        }
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            return target == null ? "unresolved " + ref : typedProblem(target, schemas);
        }
        if (!(schema.get("properties") instanceof Map<?, ?> properties) || properties.isEmpty()) {
            return "an object without properties";
        }
        if (properties.get("data") instanceof Map<?, ?> data && "array".equals(data.get("type"))) {
            Object items = data.get("items");
            String itemProblem = typedProblem(items, schemas);
            return itemProblem == null ? null : "page items: " + itemProblem;
        }
        return null;
    }

    @Test
    void requestBodiesAreStrictAndSayWhatIsRequired() {
        JsonPath document = document().then().statusCode(200).extract().jsonPath();
        assertEquals(false, document.get("components.schemas.CreateApiTokenRequest.additionalProperties"));
        assertEquals(List.of("environment", "name", "type"),
                new java.util.ArrayList<>(new TreeSet<>(document.getList("components.schemas.CreateApiTokenRequest.required"))));
        assertEquals(200, document.getInt("components.schemas.CreateSiteRequest.properties.name.maxLength"));
        assertEquals(50, document.getInt("components.schemas.CreateApiTokenRequest.properties.allowed_ips.maxItems"));
        assertEquals(366, document.getInt("components.schemas.CreatePersonalTokenRequest.properties.expires_in_days.maximum"));
        for (String request : List.of("CreateSiteRequest", "CreateApiTokenRequest", "CreatePersonalTokenRequest",
                "CreateMemberRequest", "ScopeRequest", "StartConnectionRequest", "CreateOAuthClientRequest")) {
            assertEquals(false, document.get("components.schemas." + request + ".additionalProperties"), request);
            assertTrue(document.get("components.schemas." + request + ".example") instanceof Map, request + " example");
        }
        String verify = "paths.'/v1/keys/verify'.post.";
        assertEquals("#/components/schemas/VerifyKeyRequest",
                document.getString(verify + "requestBody.content.'application/json'.schema.'$ref'"));
        assertEquals(false, document.get("components.schemas.VerifyKeyRequest.additionalProperties"));
        assertEquals(200, document.getInt("components.schemas.VerifyKeyRequest.properties.key.maxLength"));
        assertEquals(1_000_000, document.getInt("components.schemas.VerifyKeyRequest.properties.cost.maximum"));
        assertEquals("#/components/schemas/KeyVerification",
                document.getString(verify + "responses.'200'.content.'application/json'.schema.'$ref'"));
        assertEquals("integer", document.getString("components.schemas.KeyVerification.properties.cache_seconds.type"));
        assertTrue(document.get("components.schemas.KeyVerification.properties.revocations.type") != null);
        for (String view : List.of("SiteView", "ApiTokenView", "PersonalTokenView", "MemberView", "ScopeView",
                "StartedConnectionView", "OAuthClientView", "SiteTokenView", "KeyVerification")) {
            assertTrue(document.get("components.schemas." + view + ".example") instanceof Map, view + " example");
        }
    }

    /** The validation can fail: against a document that says a site's name is a number, a real site is refused. */
    @Test
    void theValidationRefusesABodyThatDiffersFromTheDocument() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tampered = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                openApiMembersOnly(document().then().statusCode(200).extract().asString()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.at("/components/schemas/SiteView/properties/name"))
                .put("type", "integer");
        OpenApiValidationFilter contract = contract(mapper.writeValueAsString(tampered));
        TestTeam team = api.newTeam();
        String site = team.createSite("tampered");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                OpenApiValidationFilter.OpenApiValidationException.class,
                () -> team.owner().filter(contract).get("/v1/sites/" + site));
        assertTrue(refused.getMessage().contains("name"), refused.getMessage());
        team.owner().filter(contract).get("/v1/whoami").then().statusCode(200);
    }

    private static OpenApiValidationFilter contract(String document) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForInlineApiSpecification(document)
                // What is checked here is what the server answers; the requests are the tests' own.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    @Test
    void realResponsesMatchTheDocument() {
        OpenApiValidationFilter contract = contract(
                openApiMembersOnly(document().then().statusCode(200).extract().asString()));
        TestTeam team = api.newTeam();
        String site = team.createSite("contract");
        // A fresh specification per request: REST Assured's are mutable (a body would stick).
        java.util.function.Supplier<RequestSpecification> owner = () -> team.owner().filter(contract);

        owner.get().get("/v1/whoami").then().statusCode(200);
        owner.get().get("/v1/team").then().statusCode(200);
        owner.get().get("/v1/sites").then().statusCode(200);
        owner.get().body(Map.of("name", "second")).post("/v1/sites").then().statusCode(201);
        owner.get().get("/v1/sites/" + site).then().statusCode(200);
        String keyId = owner.get().body(Map.of("name", "backend", "type", "secret", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("id");
        owner.get().get("/v1/sites/" + site + "/tokens").then().statusCode(200);
        owner.get().get("/v1/sites/" + site + "/tokens/" + keyId).then().statusCode(200);
        String verifier = owner.get().body(Map.of("name", "gw", "type", "verifier", "environment", "test"))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("token");
        String limited = owner.get().body(Map.of("name", "customer", "type", "restricted", "environment", "test",
                        "permissions", List.of("read"), "owner_id", "cust_1", "metadata", Map.of("plan", "pro")))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("token");
        api.as(verifier).filter(contract).body(Map.of("key", limited, "permissions", List.of("read")))
                .post("/v1/keys/verify").then().statusCode(200).body("code", org.hamcrest.Matchers.equalTo("VALID"));
        api.as(verifier).filter(contract).body(Map.of("key", "sk_test_unknown"))
                .post("/v1/keys/verify").then().statusCode(200).body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
        owner.get().get("/v1/members").then().statusCode(200);
        owner.get().get("/v1/personal-tokens").then().statusCode(200);
        owner.get().get("/v1/audit-events").then().statusCode(200);
        owner.get().get("/v1/audit-events/verify").then().statusCode(200);
        owner.get().get("/v1/sites/" + site + "/connections").then().statusCode(200);
        owner.get().get("/v1/providers").then().statusCode(200);
        owner.get().get("/v1/sites/" + site + "/scopes").then().statusCode(200);
        owner.get().body(Map.of("types", List.of(Map.of("name", "Customer", "fields", List.of("name")))))
                .put("/v1/sites/" + site + "/schema").then().statusCode(200);
        owner.get().body(Map.of("name", "customers", "fields", List.of("Customer.name")))
                .post("/v1/sites/" + site + "/scopes").then().statusCode(201);
        owner.get().body(Map.of("name", "laptop", "expires_in_days", 30)).post("/v1/personal-tokens").then()
                .statusCode(201);
        owner.get().body(Map.of("email", "contract-dev-" + System.nanoTime() + "@example.com", "name", "Dev",
                "role", "developer")).post("/v1/members").then().statusCode(201);
        owner.get().post("/v1/sites/" + site + "/site-token").then().statusCode(201);
        owner.get().body(Map.of("name", "web", "type", "public", "redirect_uris",
                List.of("https://app.example.com/callback"))).post("/v1/sites/" + site + "/oauth-clients").then()
                .statusCode(201);
        owner.get().post("/v1/sites/" + site + "/tokens/" + keyId + "/roll").then().statusCode(201);
        owner.get().get("/v1/sites/" + site + "/tokens/" + keyId + "/usage").then().statusCode(200);
        owner.get().get("/v1/sites/" + site + "/usage").then().statusCode(200);
        owner.get().queryParam("group_by", "owner").queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .get("/v1/sites/" + site + "/usage").then().statusCode(200);
        owner.get().queryParam("group_by", "route").get("/v1/sites/" + site + "/usage").then().statusCode(200);
        owner.get().queryParam("group_by", "team").get("/v1/sites/" + site + "/usage").then().statusCode(400);
        owner.get().get("/v1/sites/" + site + "/oauth-clients").then().statusCode(200);
        owner.get().delete("/v1/sites/" + site + "/tokens/" + keyId).then().statusCode(200);

        // Errors: the one shape, as documented on every operation.
        owner.get().get("/v1/sites/site_doesnotexist0000").then().statusCode(404);
        owner.get().body(Map.of("name", "")).post("/v1/sites").then().statusCode(400);
        api.anonymous().filter(contract).get("/v1/whoami").then().statusCode(401);
        api.anonymous().filter(contract).get("/oauth/jwks").then().statusCode(200);
    }

    /**
     * Payara adds a top-level {@code endpoints} member (its own list of paths) that OpenAPI does
     * not define and the validator's parser refuses. No filter can drop it: Payara Micro
     * 6.2025.10 sets it after the filters ran (OpenAPISupplier), and its writer fails on a null.
     */
    private static String openApiMembersOnly(String document) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(document);
            tree.remove("endpoints");
            return mapper.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theReferenceIsServedFromThisOriginWithItsScriptsFromSelfOnly() {
        api.anonymous().redirects().follow(false).get("/docs").then().statusCode(302)
                .header("Location", containsString("/docs/"));
        Response page = api.anonymous().get("/docs/");
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.asString());
        int loaded = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertTrue(!asset.contains("//"), "no other origin: " + asset);
            api.anonymous().get("/docs/" + asset).then().statusCode(200);
            loaded++;
        }
        assertEquals(4, loaded, "a stylesheet, an icon, Swagger UI and its initializer");
        api.anonymous().get("/docs/init.js").then().statusCode(200).body(containsString("openapi"));
        api.anonymous().get("/docs/swagger-initializer.js").then().statusCode(404);
    }

    /** Chromium renders the reference: Swagger UI loads, fetches /openapi, shows the operations. */
    @Test
    void aRealBrowserRendersTheReferenceWithoutACspViolation() throws Exception {
        java.nio.file.Path browser = java.nio.file.Path.of("src/test/browser");
        assertTrue(java.nio.file.Files.isDirectory(browser.resolve("node_modules/playwright-core")),
                "playwright-core is missing: run bin/test, which installs it and Chromium");
        Process node = new ProcessBuilder("node", browser.resolve("docs.mjs").toString(), Api.baseOf(api) + "/docs/",
                "target/docs-page.png").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(90, TimeUnit.SECONDS), "the browser finished");
        assertEquals(0, node.exitValue(), output);
        Matcher operations = Pattern.compile("operations (\\d+)").matcher(output);
        assertTrue(operations.find(), output);
        assertEquals(ResourceRoutes.all().size(), Integer.parseInt(operations.group(1)), "every route on the page");
    }
}
