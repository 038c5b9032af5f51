package dev.latchkey.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(List.of(Map.of("bearer", List.of())), document.getList("paths.'/v1/sites'.post.security"));
        Set<String> ids = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.values().forEach(item -> item.forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method)) {
                assertTrue(ids.add(String.valueOf(operation.get("operationId"))),
                        "operation ids are unique: " + operation.get("operationId"));
            }
        }));
    }

    @Test
    void realResponsesMatchTheDocument() {
        OpenApiValidationFilter contract = new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForInlineApiSpecification(openApiMembersOnly(document().then().statusCode(200).extract().asString()))
                // What is checked here is what the server answers; the requests are the tests' own.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build());
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
        owner.get().get("/v1/members").then().statusCode(200);
        owner.get().get("/v1/personal-tokens").then().statusCode(200);
        owner.get().get("/v1/audit-events").then().statusCode(200);
        owner.get().get("/v1/audit-events/verify").then().statusCode(200);
        owner.get().get("/v1/sites/" + site + "/connections").then().statusCode(200);
        owner.get().get("/v1/providers").then().statusCode(200);
        owner.get().get("/v1/sites/" + site + "/scopes").then().statusCode(200);

        // Errors: the one shape, as documented on every operation.
        owner.get().get("/v1/sites/site_doesnotexist0000").then().statusCode(404);
        owner.get().body(Map.of("name", "")).post("/v1/sites").then().statusCode(400);
        api.anonymous().filter(contract).get("/v1/whoami").then().statusCode(401);
        api.anonymous().filter(contract).get("/oauth/jwks").then().statusCode(200);
    }

    /**
     * Payara adds a top-level {@code endpoints} member (its own list of paths) that OpenAPI does
     * not define and the validator's parser refuses; setting it to null in the filter breaks
     * Payara's writer.
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
