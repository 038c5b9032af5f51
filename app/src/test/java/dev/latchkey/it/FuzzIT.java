package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.access.control.AccessPolicy;
import dev.latchkey.access.control.AccessRule;
import dev.latchkey.access.control.ResourceRoutes;
import dev.latchkey.access.control.Route;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every route of the application (read off its resource classes) × a corpus of bad bodies and bad
 * query parameters, sent with a credential the route's policy admits: never a 5xx, every 4xx a JSON
 * body in the error shape (RFC 6749 §5.2 form on the OAuth endpoints), and nothing changed. Seeded
 * ({@code -Dfuzz.seed=…}) so a failure can be replayed; the seed and the counts are logged.
 */
class FuzzIT extends DeployedLatchkey {

    private static final Logger LOG = Logger.getLogger(FuzzIT.class.getName());
    /** Routes where any body, even an empty one, is valid input that acts (an optional body). */
    private static final Set<String> ACT_ON_ANY_BODY = Set.of("POST /v1/oauth/signing-keys/rotate");
    private static final Set<String> OAUTH_FORM_ENDPOINTS = Set.of("/oauth/token", "/oauth/introspect",
            "/oauth/revoke");
    private static final Set<Class<? extends Annotation>> NOT_AN_ENTITY = Set.of(PathParam.class,
            QueryParam.class, HeaderParam.class, FormParam.class, CookieParam.class, MatrixParam.class, Context.class,
            BeanParam.class);

    /** A body to send: its content type and bytes. */
    record Body(String name, String contentType, byte[] bytes) {
    }

    @Test
    void noRouteAnswersBadInputWithA5xxOrOutsideTheErrorShapeOrChangesAnything() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261202L);
        Random random = new Random(seed);
        CredentialZoo zoo = new CredentialZoo(api);
        String before = snapshot(zoo);
        List<Body> bodies = bodies(random);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        var routes = ResourceRoutes.all();
        int fuzzedRoutes = 0;
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<Runnable> cases = new ArrayList<>();
        for (var served : routes) {
            Route route = served.route();
            AccessRule rule = AccessPolicy.ruleFor(route).orElseThrow();
            Optional<CredentialZoo.Held> admitted = admitted(rule, zoo);
            boolean takesBody = takesEntity(served.method());
            if (ACT_ON_ANY_BODY.contains(route.toString())
                    || !"GET".equals(route.method()) && !takesBody && !route.template().contains("{")) {
                continue; // no input it could refuse: any call acts
            }
            fuzzedRoutes++;
            boolean first = true;
            for (String path : paths(route, zoo.site, takesBody || "GET".equals(route.method()), random)) {
                // The whole corpus where the path is real; junk paths need only show they are refused.
                List<Body> sent = !takesBody ? java.util.Collections.singletonList(null)
                        : first ? bodies : bodies.subList(0, 1);
                for (Body body : sent) {
                    cases.add(() -> check(served, admitted, path, body, Map.of(), failures, statuses));
                }
                List<Map<String, String>> junkQueries = queries(served.method(), random);
                for (Map<String, String> query : first ? junkQueries : junkQueries.subList(0, 1)) {
                    cases.add(() -> check(served, admitted, path, null, query, failures, statuses));
                }
                first = false;
            }
        }
        // Methods no route declares (and HEAD, which Jersey derives from GET) on every path.
        String owner = zoo.team.ownerToken();
        routes.stream().map(served -> fill(served.route(), zoo.site, "nothing~here", "Customer", "acme")).distinct()
                .forEach(path -> List.of("OPTIONS", "HEAD", "FOO").forEach(method -> cases.add(
                        () -> checkMethod(method, path, owner, failures, statuses))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> done : pool.invokeAll(cases.stream().map(Executors::callable).toList())) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int requests = cases.size();
        int total = requests;
        int fuzzed = fuzzedRoutes;
        LOG.info(() -> "fuzz (seed " + seed + "): " + fuzzed + " of " + routes.size() + " routes x " + bodies.size()
                + " bodies and bad query parameters = " + total + " requests; statuses " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " of " + total + " answers broke the rules (seed " + seed
                + "):\n" + String.join("\n", failures.stream().sorted().limit(80).toList()));
        assertEquals(before, snapshot(zoo), "bad input changed something");
    }

    private void check(ResourceRoutes.Served served, Optional<CredentialZoo.Held> held, String path, Body body,
                       Map<String, String> query, List<String> failures, Map<Integer, Integer> statuses) {
        Route route = served.route();
        RequestSpecification request = io.restassured.RestAssured.given().baseUri(Api.baseOf(api))
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false).redirects().follow(false);
        if (held.isPresent()) {
            request = held.get().presentedOn(request, route.method());
        }
        if (body != null) {
            request = request.contentType(body.contentType());
            // REST Assured encodes a form body only from text.
            request = body.contentType().startsWith("application/x-www-form-urlencoded")
                    ? request.body(new String(body.bytes(), StandardCharsets.ISO_8859_1)) : request.body(body.bytes());
        }
        for (var parameter : query.entrySet()) {
            request = request.queryParam(parameter.getKey(), parameter.getValue());
        }
        String what = route + " " + path + (body == null ? "" : " body " + body.name()) + (query.isEmpty() ? ""
                : " query " + query.keySet());
        Response response;
        try {
            response = request.request(route.method(), path);
        } catch (RuntimeException e) {
            failures.add(what + ": no answer (" + e + ")");
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status < 300 && !"GET".equals(route.method())) {
            LOG.info(() -> "accepted: " + what + ": " + status + " " + abbreviated(response.asString()));
        }
        if (status >= 500) {
            failures.add(what + ": " + status + " " + abbreviated(response.asString()));
        } else if (status >= 400 && !producesHtml(served)) {
            errorShapeProblem(route, response).ifPresent(problem -> failures.add(what + ": " + status + " " + problem));
        }
    }

    private void checkMethod(String method, String path, String token, List<String> failures,
                             Map<Integer, Integer> statuses) {
        Response response = api.as(token).config(RestAssuredConfig.config()).request(method, path);
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500 || status >= 400 && !"HEAD".equals(method)
                && !String.valueOf(response.contentType()).startsWith("application/json")) {
            failures.add(method + " " + path + ": " + status + " " + abbreviated(response.asString()));
        }
    }

    private static Optional<String> errorShapeProblem(Route route, Response response) {
        String type = String.valueOf(response.contentType());
        if (!type.startsWith("application/json")) {
            return Optional.of("Content-Type " + type + ": " + abbreviated(response.asString()));
        }
        JsonPath json;
        try {
            json = new JsonPath(response.asString());
            json.getString("error");
        } catch (RuntimeException notJson) {
            return Optional.of("unparseable body " + abbreviated(response.asString()));
        }
        String message = OAUTH_FORM_ENDPOINTS.contains(route.template()) ? "error_description" : "message";
        if (json.getString("error") == null || json.getString(message) == null
                || !String.valueOf(json.getString("request_id")).equals(response.header("X-Request-Id"))) {
            return Optional.of("not the error shape: " + abbreviated(response.asString()));
        }
        return Optional.empty();
    }

    /** The first credential of the zoo's own team that the route's rule admits (none for public routes). */
    private static Optional<CredentialZoo.Held> admitted(AccessRule rule, CredentialZoo zoo) {
        if (rule.isPublic()) {
            return Optional.empty();
        }
        return zoo.all.stream()
                .filter(held -> !held.isNone() && held.profile().reaches(zoo.team.id(), zoo.site))
                .filter(held -> rule.refusalFor(held.profile()).isEmpty())
                .findFirst();
    }

    /**
     * The route's path with real ids where input is read (the zoo's site, a real type and provider)
     * and with junk: ids that do not exist, non-ASCII, over-long and encoded-slash ones. {@code {id}}
     * is never a real id, so no call can act on something that exists.
     */
    private static List<String> paths(Route route, String site, boolean realSite, Random random) {
        List<String> paths = new ArrayList<>();
        String junkId = "nothing~" + Integer.toString(random.nextInt(1 << 30), 36);
        if (realSite) {
            paths.add(fill(route, site, junkId, "Customer", "acme"));
        }
        if (route.template().contains("{")) {
            paths.add(fill(route, "site_nothing", junkId, "Customer", "nothing"));
            paths.add(fill(route, "%C3%BC%E2%98%83", "%C3%A9", "T%C3%BCp", "%E2%98%83"));
            String longId = "a".repeat(300 + random.nextInt(300));
            paths.add(fill(route, longId, longId, longId, longId));
            paths.add(fill(route, "a%2Fb", "%2E%2E", "%20", "a%3Bb"));
        }
        return paths;
    }

    private static String fill(Route route, String site, String id, String type, String provider) {
        return route.template().replace("{site}", site).replace("{id}", id).replace("{type}", type)
                .replace("{provider}", provider);
    }

    private static List<Map<String, String>> queries(Method method, Random random) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        names.add("limit");
        names.add("starting_after");
        // Sent as written (no client-side encoding), so invalid escapes reach the server as they are.
        // (An invalid escape such as %zz, and a request line over Grizzly's 8 KiB, never reach Latchkey: see
        // BadInputIT.pathsGrizzlyRefusesAreStillA400NeverA500.)
        List<String> junk = List.of("", "-1", "0", "99999999999999999999", "abc", "%00", "%E2%98%83",
                "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "null", "%5B%5D",
                "a".repeat(300 + random.nextInt(300)), "%C3%28");
        List<Map<String, String>> queries = new ArrayList<>();
        for (String value : junk) {
            Map<String, String> query = new LinkedHashMap<>();
            names.forEach(name -> query.put(name, value));
            queries.add(query);
        }
        return queries;
    }

    private static List<Body> bodies(Random random) {
        String json = "application/json";
        List<Body> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "null", "true", "0", "-1e999999", "\"x\"", "[]", "[null]", "[{}]", "{}",
                "{", "}", "{\"a\":}", "{'name':'x'}", "{\"zzz_unknown\":1}", "{\"name\":\"\"}")) {
            bodies.add(new Body("json " + (text.isBlank() ? "blank" : text), json, utf8(text)));
        }
        String[] fields = {"name", "type", "environment", "permissions", "scopes", "fields", "types", "redirect_uris",
            "grant_types", "expires_at", "expires_in", "expires_in_days", "email", "role", "provider", "rate_limit",
            "allowed_ips", "password", "jwks"};
        bodies.add(new Body("every field null", json, utf8(object(fields, i -> "null"))));
        bodies.add(new Body("every field the wrong type", json, utf8(object(fields,
                i -> List.of("{}", "[]", "1.5e300", "true", "\"\"", "[1]", "{\"a\":[null]}").get(i % 7)))));
        bodies.add(new Body("arrays holding null", json, utf8(object(fields, i -> "[null]"))));
        bodies.add(new Body("arrays of arrays", json, utf8(object(fields, i -> "[[\"a\"],[1]]"))));
        // Without a name: a number or a time is a valid name (a site called "-1"), and would be created.
        String[] unnamed = java.util.Arrays.copyOfRange(fields, 1, fields.length);
        bodies.add(new Body("extreme numbers", json, utf8(object(unnamed,
                i -> List.of("-1", "0", "2147483648", "-9223372036854775809", "1e400", "0.000001").get(i % 6)))));
        bodies.add(new Body("extreme times", json, utf8(object(unnamed,
                i -> "\"" + List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                        "0000-00-00T00:00:00Z", "9999-12-31T23:59:60Z").get(i % 4) + "\""))));
        String huge = "\"" + randomText(random, 200_000) + "\"";
        bodies.add(new Body("huge strings", json, utf8(object(fields, i -> huge))));
        bodies.add(new Body("control and non-ASCII strings", json, utf8(object(fields,
                i -> "\"\\u0000\\u001f\u00e9\u2603\ud83d\ude00\\ud800\u202e\""))));
        int depth = 100 + random.nextInt(5_000);
        bodies.add(new Body("deep arrays", json, utf8("{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}")));
        bodies.add(new Body("deep objects", json, utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))));
        bodies.add(new Body("65 levels", json, utf8("[".repeat(65) + "]".repeat(65))));
        bodies.add(new Body("invalid UTF-8", json, new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xc3,
            (byte) 0x28, (byte) 0xff, '"', '}'}));
        bodies.add(new Body("UTF-16", json, "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_16)));
        bodies.add(new Body("text/plain", "text/plain", utf8("name=x")));
        bodies.add(new Body("xml", "application/xml", utf8("<name>x</name>")));
        bodies.add(new Body("form junk", "application/x-www-form-urlencoded",
                utf8("grant_type=%00&token=%zz&scope=" + "a".repeat(3_000) + "&client_id=%E2%98%83&name")));
        bodies.add(new Body("form empty", "application/x-www-form-urlencoded", new byte[0]));
        bodies.add(new Body("octets", "application/octet-stream", randomBytes(random, 512)));
        bodies.add(new Body("random bytes as JSON", json, randomBytes(random, 2_048)));
        return bodies;
    }

    private static String object(String[] fields, java.util.function.IntFunction<String> value) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : ",").append('"').append(fields[i]).append("\":").append(value.apply(i));
        }
        return out.append('}').toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean takesEntity(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean annotated = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                annotated |= NOT_AN_ENTITY.contains(annotation.annotationType());
            }
            if (!annotated) {
                return true;
            }
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        return consumes != null && List.of(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static boolean producesHtml(ResourceRoutes.Served served) {
        Produces produces = served.method().getAnnotation(Produces.class);
        if (produces == null) {
            produces = served.resource().getAnnotation(Produces.class);
        }
        return produces != null && List.of(produces.value()).contains(MediaType.TEXT_HTML)
                && !List.of(produces.value()).contains(MediaType.APPLICATION_JSON);
    }

    /** What bad input must not change: the team's sites, keys, scopes, clients, members, tokens, data. */
    private String snapshot(CredentialZoo zoo) {
        String site = "/v1/sites/" + zoo.site;
        var owner = zoo.team;
        StringBuilder state = new StringBuilder();
        for (String list : List.of("/v1/sites", site + "/tokens", site + "/scopes", site + "/oauth-clients",
                "/v1/members", "/v1/personal-tokens", site + "/connections")) {
            state.append(list).append(' ').append(owner.owner().get(list).path("data.id").toString()).append('\n');
        }
        state.append("schema ").append(owner.owner().get(site + "/schema").asString()).append('\n');
        String key = zoo.all.stream().filter(h -> h.name().equals("sk_live")).findFirst().orElseThrow().token();
        state.append("data ").append(api.as(key).get(site + "/data/Customer").path("data.id").toString());
        return state.toString();
    }

    private static String abbreviated(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.substring(0, Math.min(200, flat.length()));
    }
}
