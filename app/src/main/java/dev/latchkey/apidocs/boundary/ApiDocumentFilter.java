package dev.latchkey.apidocs.boundary;

import dev.latchkey.access.control.AccessPolicy;
import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.Audience;
import dev.latchkey.access.control.Route;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.http.control.Json;
import dev.latchkey.http.control.PublicUrl;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What Payara's scan of the resources cannot know, in one place (configured as
 * {@code mp.openapi.filter}): the property names as JSON-B writes them (snake_case, nulls
 * written), the error shapes on every operation, the security schemes and which routes need
 * which (read off the {@link AccessPolicy} table, the one the server enforces), unique
 * operation ids and tags; and, from the Java signatures ({@link JavaSignatures}), the status and
 * item type of each success and the Bean Validation limits of each request body.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String ERROR = "ErrorView";
    static final String OAUTH_ERROR = "OAuthError";
    static final String BEARER = "bearer";
    static final String SESSION = "session";
    static final String OAUTH2 = "oauth2";
    private static final List<String> ERROR_STATUSES = List.of("400", "401", "403", "404", "405", "406", "409",
            "413", "415", "429", "500", "503");

    @Override
    public Schema filterSchema(Schema schema) {
        withoutAnnotationDefaults(schema);
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.isEmpty()) {
            return schema;
        }
        // JSON-B (LOWER_CASE_WITH_UNDERSCORES) writes every property, null included: the
        // scanner names them as the Java components and says nothing of null.
        Map<String, Schema> renamed = new LinkedHashMap<>();
        properties.forEach((name, property) -> renamed.put(wireName(name), nullable(property)));
        schema.setProperties(renamed);
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(ApiDocumentFilter::wireName).toList());
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.setInfo(OASFactory.createInfo().title("Latchkey").version("v1")
                .description("Self-hosted API authentication: inbound credentials (API keys, personal access "
                        + "tokens, site tokens, OAuth 2.0 access tokens) and outbound provider connections. "
                        + "Every JSON name is snake_case; every error answers in one shape (ErrorView; the "
                        + "OAuth endpoints in RFC 6749's)."));
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas() == null ? Map.of()
                : api.getComponents().getSchemas();
        JavaSignatures signatures = JavaSignatures.ofApplication();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                    signatures.method(Route.parse(method.name() + " " + path))
                            .flatMap(JavaSignatures::bodyRecord)
                            .ifPresent(body -> strict(body, schemas))));
        }
        schemas.values().forEach(schema -> nullableReferences(schema, schemas));
        api.getComponents().addSchema(ERROR, errorSchema());
        api.getComponents().addSchema(OAUTH_ERROR, oauthErrorSchema());
        api.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Authorization: Bearer <credential>. An API key (sk_live_…, sk_test_…, rk_…), a "
                        + "member's personal access token (pat_…), a site token (st_…) or an OAuth 2.0 access "
                        + "token (a JWT) — which kinds a route takes is listed on the route."));
        String base = publicUrl();
        api.getComponents().addSecurityScheme(OAUTH2, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Latchkey's own OAuth 2.0 authorization server (also the client_credentials grant "
                        + "at the same token URL). Scopes are the ones each site defines "
                        + "(GET /v1/sites/{site}/scopes), plus openid, profile and email.")
                .flows(OASFactory.createOAuthFlows()
                        .authorizationCode(OASFactory.createOAuthFlow()
                                .authorizationUrl(base + "/oauth/authorize").tokenUrl(base + "/oauth/token")
                                .refreshUrl(base + "/oauth/token").scopes(oidcScopes()))));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Integer> ids = new HashMap<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(op -> ids.merge(String.valueOf(op.getOperationId()), 1, Integer::sum)));
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    complete(path, method, operation, ids);
                    signatures.method(Route.parse(method.name() + " " + path))
                            .ifPresent(javaMethod -> successOf(javaMethod, operation, schemas));
                }));
    }

    /**
     * A request record and the records within it: what Bean Validation enforces, and no other
     * member (the server refuses unknown fields with a 400, {@code KnownFields}).
     */
    private static void strict(Class<?> body, Map<String, Schema> schemas) {
        for (Class<?> record : JavaSignatures.recordsWithin(body)) {
            Schema schema = schemas.get(JavaSignatures.schemaName(record));
            if (schema != null) {
                JavaSignatures.constrain(schema, record);
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
        }
    }

    /**
     * The scan lists what a method returns as the {@code default} response; JAX-RS answers it
     * with 200 (204 when there is nothing), and a page ({@code ListView<X>}) has items of type X.
     * Methods returning a {@code Response} declare their statuses with {@code @APIResponse}.
     */
    private static void successOf(java.lang.reflect.Method javaMethod, Operation operation, Map<String, Schema> schemas) {
        APIResponses responses = operation.getResponses();
        APIResponse scanned = responses.getAPIResponse(APIResponses.DEFAULT);
        if (scanned == null) {
            return;
        }
        boolean declared = responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
        boolean bare = javaMethod.getReturnType() == jakarta.ws.rs.core.Response.class;
        if (bare && !declared) {
            return;
        }
        responses.removeAPIResponse(APIResponses.DEFAULT);
        if (declared) {
            return;
        }
        if (javaMethod.getReturnType() == void.class) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No content"));
            return;
        }
        JavaSignatures.pageItem(javaMethod).map(JavaSignatures::schemaName).filter(schemas::containsKey)
                .ifPresent(item -> scanned.getContent().getMediaTypes().values()
                        .forEach(media -> media.setSchema(page(item))));
        responses.addAPIResponse("200", scanned.description(scanned.getDescription() == null ? "OK"
                : scanned.getDescription()));
    }

    /** {@code {data, has_more, next_cursor}} with items of one type. */
    private static Schema page(String item) {
        return OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("A page of " + item + "; when has_more, ask again with starting_after=next_cursor")
                .addRequired("data").addRequired("has_more")
                .addProperty("data", OASFactory.createSchema().type(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + item)))
                .addProperty("has_more", OASFactory.createSchema().type(SchemaType.BOOLEAN))
                .addProperty("next_cursor", OASFactory.createSchema().type(SchemaType.STRING).nullable(true));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation, Map<String, Integer> ids) {
        Route route = Route.parse(method.name() + " " + path);
        String id = String.valueOf(operation.getOperationId());
        if (ids.getOrDefault(id, 0) > 1) {
            operation.setOperationId(id + words(path));
        }
        operation.setTags(List.of(tag(path)));
        Optional<AccessRule> rule = AccessPolicy.ruleFor(route);
        operation.setSecurity(rule.map(ApiDocumentFilter::security).orElse(List.of()));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        String error = path.startsWith("/oauth/") || path.startsWith("/.well-known/") ? OAUTH_ERROR : ERROR;
        for (String status : ERROR_STATUSES) {
            if (responses.hasAPIResponse(status)) {
                continue;
            }
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .description(ERROR.equals(error) ? "The error shape: see ErrorView" : "An RFC 6749 error")
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema()
                                    .ref("#/components/schemas/" + error)))));
        }
    }

    private static List<SecurityRequirement> security(AccessRule rule) {
        Audience audience = rule.audience();
        List<SecurityRequirement> any = new ArrayList<>();
        if (audience == Audience.PUBLIC) {
            return any;
        }
        boolean bearer = Arrays.stream(CredentialKind.values())
                .anyMatch(kind -> kind != CredentialKind.SESSION && audience.admits(kind));
        if (audience != Audience.OWN_BEARER && bearer) {
            any.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
        if (audience.admits(CredentialKind.OAUTH_TOKEN)) {
            any.add(OASFactory.createSecurityRequirement().addScheme(OAUTH2));
        }
        if (audience != Audience.OWN_BEARER && audience.admits(CredentialKind.SESSION)) {
            // The console's cookie (declared on CurrentSessionResource); changes also need X-CSRF-Token.
            any.add(OASFactory.createSecurityRequirement().addScheme(SESSION));
        }
        return any;
    }

    /**
     * Payara copies every member of a {@code @Schema} annotation into the schema, defaults included
     * ({@code maxProperties: 0} would refuse any object), and its {@code example} as a string.
     */
    static void withoutAnnotationDefaults(Schema schema) {
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (schema.getExample() instanceof String text && text.startsWith("{")) {
            schema.setExample(Json.JSONB.fromJson(text, LinkedHashMap.class));
        }
    }

    /** How Yasson's LOWER_CASE_WITH_UNDERSCORES names a Java property: {@code expiresAt} → {@code expires_at}. */
    static String wireName(String javaName) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                name.append('_');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return property;
        }
        if (property.getType() == SchemaType.OBJECT && property.getProperties() == null
                && property.getAdditionalPropertiesSchema() == null) {
            // What the scanner makes of a type it cannot see into (an Instant, a JSON document).
            property.setType(null);
        }
        return property.nullable(true);
    }

    /**
     * OpenAPI 3.0 ignores the siblings of a {@code $ref}, and {@code nullable} counts only next
     * to a {@code type} (an {@code allOf} around the reference still refuses null): a property
     * that may be null and refers to another schema gets that schema's content inline.
     */
    private static void nullableReferences(Schema schema, Map<String, Schema> schemas) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> {
            if (property.getRef() == null) {
                return property;
            }
            String ref = property.getRef();
            Schema target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null) {
                return property;
            }
            Schema inline = OASFactory.createSchema().type(target.getType()).format(target.getFormat())
                    .description(target.getDescription()).nullable(true);
            if (target.getProperties() != null) {
                inline.setProperties(new LinkedHashMap<>(target.getProperties()));
            }
            inline.setRequired(target.getRequired());
            inline.setAdditionalPropertiesBoolean(target.getAdditionalPropertiesBoolean());
            inline.setExample(target.getExample());
            return inline;
        });
        schema.setProperties(properties);
    }

    private static String tag(String path) {
        String[] segments = path.replaceFirst("^/(v1/)?", "").split("/");
        String first = segments[0];
        return first.equals("oauth") || first.equals(".well-known") ? "oauth" : first;
    }

    private static String words(String path) {
        StringBuilder words = new StringBuilder();
        for (String segment : path.replaceFirst("^/v1", "").split("[/.-]")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                words.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
            }
        }
        return words.toString();
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("The single error body of every endpoint (but the OAuth ones)")
                .addRequired("error").addRequired("message").addRequired("request_id")
                .addProperty("error", OASFactory.createSchema().type(SchemaType.STRING)
                        .description("A stable machine-readable code: invalid_request, unauthorized, forbidden, "
                                + "not_found, conflict, rate_limited, internal_error …"))
                .addProperty("message", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty("request_id", OASFactory.createSchema().type(SchemaType.STRING)
                        .description("Also in the X-Request-Id header; quote it when reporting a problem"))
                .addProperty("errors", OASFactory.createSchema().type(SchemaType.ARRAY)
                        .description("Present only for problems with input fields")
                        .items(OASFactory.createSchema().type(SchemaType.OBJECT)
                                .addProperty("field", OASFactory.createSchema().type(SchemaType.STRING))
                                .addProperty("message", OASFactory.createSchema().type(SchemaType.STRING))))
                .addProperty("details", OASFactory.createSchema().type(SchemaType.OBJECT)
                        .description("Present only where a refusal says what to do next, e.g. at sign-in the "
                                + "teams to choose from: {\"teams\": [{\"id\", \"name\"}]}"));
    }

    private static Schema oauthErrorSchema() {
        return OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("RFC 6749 §5.2 error response")
                .addProperty("error", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty("error_description", OASFactory.createSchema().type(SchemaType.STRING));
    }

    private static Map<String, String> oidcScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("openid", "An ID token (OpenID Connect)");
        scopes.put("profile", "The member's name");
        scopes.put("email", "The member's email address");
        return scopes;
    }

    private static String publicUrl() {
        try {
            return CDI.current().select(PublicUrl.class).get().base();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
