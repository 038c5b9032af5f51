package dev.latchkey.providers.github;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.fake.FakeAnswer;
import dev.latchkey.providers.fake.FakeProviderServer;
import dev.latchkey.providers.fake.FakeRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;

/**
 * A loopback stand-in for github.com's OAuth endpoints and api.github.com that answers as the
 * real ones do: the authorize redirect, the token endpoint (client credentials in the body,
 * errors as HTTP 200 with {@code error}, JSON only when asked with {@code Accept}, comma-separated
 * granted scopes, single-use codes, S256 PKCE), rotating refresh for GitHub App user tokens,
 * {@code GET /user}, and the app's own endpoints: check a token ({@code POST
 * /applications/{client_id}/token}), delete one token ({@code DELETE …/token}) and delete the
 * whole authorization ({@code DELETE …/grant}).
 *
 * <p>The fake has one user, {@value #LOGIN}. Every code exchange starts a new connection with
 * its own tokens (two sites connecting the same account get distinct tokens); deleting one
 * token ends that connection only, deleting the grant ends every connection of the user.
 * Usable from other modules' tests (published in the test-jar); every knob is thread-safe.
 */
public final class FakeGitHub extends FakeProviderServer {

    public static final String CLIENT_ID = "Ov23liFakeClientId0001";
    public static final String CLIENT_SECRET = "fakeclientsecret0123456789abcdef01234567";
    public static final long USER_ID = 583231L;
    public static final String LOGIN = "octocat";

    public static final String AUTHORIZE_PATH = "/login/oauth/authorize";
    public static final String TOKEN_PATH = "/login/oauth/access_token";
    public static final String USER_PATH = "/user";
    public static final String APP_TOKEN_PATH = "/applications/" + CLIENT_ID + "/token";
    public static final String GRANT_PATH = "/applications/" + CLIENT_ID + "/grant";

    /** Which kind of GitHub client the fake plays. */
    public enum Kind {
        /** Classic OAuth App: gho_ tokens that never expire. */
        OAUTH_APP,
        /** GitHub App with user-token expiration: ghu_ tokens for 8 h and rotating ghr_ refresh tokens. */
        GITHUB_APP_EXPIRING,
        /** GitHub App that opted out of expiration: ghu_ tokens without expiry or refresh token. */
        GITHUB_APP_NON_EXPIRING
    }

    private record Code(String redirectUri, String scope, String challenge) {
    }

    private final Map<String, Code> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    /** Live access tokens and refresh tokens, each mapped to the connection (one code exchange) it belongs to. */
    private final Map<String, String> accessTokens = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private Kind kind = Kind.OAUTH_APP;
    private List<String> grantOnly;
    private int counter;

    /** A fake on any free port. */
    public FakeGitHub() {
        this(0);
    }

    /** A fake on {@code port} (0: any free port). */
    public FakeGitHub(int port) {
        super(port);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", CLIENT_SECRET);
        values.put("authorize-url", base() + AUTHORIZE_PATH);
        values.put("token-url", base() + TOKEN_PATH);
        values.put("api-url", base().toString());
        return values;
    }

    GitHubProvider provider(Clock clock) {
        return provider(settings(), clock);
    }

    GitHubProvider provider(Map<String, String> settings, Clock clock) {
        ProviderConfig config = new ProviderConfig(GitHubProviderFactory.ID, settings);
        return new GitHubProvider(config, new OAuthHttp(HttpClient.newHttpClient()), clock);
    }

    /** Which kind of client to play for tokens issued from now on (default: OAuth App). */
    public synchronized void kind(Kind kind) {
        this.kind = kind;
    }

    /** The user unticks scopes on the consent page: only these are granted. */
    public synchronized void grantOnly(List<String> scopes) {
        this.grantOnly = List.copyOf(scopes);
    }

    /** The next request to any endpoint gets this answer (kept for the plugin's own tests). */
    public void next(int status, String body, Map<String, String> headers) {
        answerNext(status, body, headers);
    }

    /**
     * The token endpoint answers only after this delay, having already issued (and, on refresh,
     * rotated and retired) the tokens, as a slow github.com would.
     */
    public void tokenDelay(Duration delay) {
        delay(TOKEN_PATH, delay);
    }

    /** How many requests reached the token endpoint with {@code grant_type=refresh_token}. */
    public int refreshes() {
        return (int) seen(TOKEN_PATH).stream().filter(r -> "refresh_token".equals(r.form().get("grant_type"))).count();
    }

    /**
     * The user revokes the app in their GitHub settings: every access and refresh token issued
     * so far stops working (refresh answers {@code bad_refresh_token}, the API 401, checking a
     * token 404).
     */
    public synchronized void revokeAll() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    /** Whether GitHub still accepts this access token. */
    public synchronized boolean live(String accessToken) {
        return accessTokens.containsKey(accessToken);
    }

    /** Whether GitHub still accepts this refresh token. */
    public synchronized boolean liveRefreshToken(String refreshToken) {
        return refreshTokens.containsKey(refreshToken);
    }

    /** Plays the user approving the app: follows the authorization URL and returns the callback URL GitHub redirects to. */
    public URI consent(URI authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(authorizationUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The code of a callback URL. */
    public static String code(URI callback) {
        return query(callback.getRawQuery()).get("code");
    }

    static Map<String, String> query(String raw) {
        return parseForm(raw);
    }

    @Override
    protected void answer(FakeRequest request, FakeAnswer answer) {
        String route = request.method() + " " + request.path();
        switch (route) {
            case "GET " + AUTHORIZE_PATH -> authorize(request.form(), answer);
            case "POST " + TOKEN_PATH -> token(request, answer);
            case "GET " + USER_PATH -> user(request, answer);
            case "POST " + APP_TOKEN_PATH -> checkToken(request, answer);
            case "DELETE " + APP_TOKEN_PATH -> deleteToken(request, answer);
            case "DELETE " + GRANT_PATH -> deleteGrant(request, answer);
            default -> notFound(answer);
        }
    }

    private void authorize(Map<String, String> query, FakeAnswer answer) {
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            answer.send(404, "<html>Not Found</html>");
            return;
        }
        String challenge = query.get("code_challenge");
        if (challenge != null && !"S256".equals(query.get("code_challenge_method"))) {
            answer.send(400, "<html>Only S256 is supported</html>");
            return;
        }
        String requested = query.getOrDefault("scope", "");
        List<String> granted = grantOnly != null ? grantOnly
                : Arrays.stream(requested.split(" ")).filter(s -> !s.isEmpty()).toList();
        String code = "fakecode" + (++counter);
        codes.put(code, new Code(query.get("redirect_uri"), String.join(",", granted), challenge));
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", code);
        callback.put("state", query.get("state"));
        answer.header("Location", OAuthHttp.withQuery(query.get("redirect_uri"), callback).toString()).send(302, "");
    }

    private void token(FakeRequest request, FakeAnswer answer) {
        Map<String, String> form = request.form();
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            tokenError(request, answer, "incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
            return;
        }
        String grantType = form.get("grant_type");
        if ("refresh_token".equals(grantType)) {
            refresh(request, answer);
            return;
        }
        if (grantType != null && !"authorization_code".equals(grantType)) {
            tokenError(request, answer, "unsupported_grant_type", null);
            return;
        }
        String codeValue = form.get("code");
        Code code = codes.get(codeValue);
        if (code == null || !usedCodes.add(codeValue)) {
            tokenError(request, answer, "bad_verification_code", "The code passed is incorrect or expired.");
            return;
        }
        if (code.redirectUri() != null && !code.redirectUri().equals(form.get("redirect_uri"))) {
            tokenError(request, answer, "redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
            return;
        }
        if (code.challenge() != null) {
            String verifier = form.get("code_verifier");
            // GitHub does not document the error of a wrong verifier; a bad code is the closest documented answer.
            if (verifier == null || !Pkce.challenge(verifier).equals(code.challenge())) {
                tokenError(request, answer, "bad_verification_code", "The code passed is incorrect or expired.");
                return;
            }
        }
        issue(request, answer, "connection" + (++counter), code.scope());
    }

    private void refresh(FakeRequest request, FakeAnswer answer) {
        String connection = refreshTokens.remove(request.form().get("refresh_token"));
        if (connection == null) {
            tokenError(request, answer, "bad_refresh_token", "The refresh token passed is incorrect or expired.");
            return;
        }
        // Rotation: the old access token dies with the refresh token it came with.
        accessTokens.values().removeIf(connection::equals);
        issue(request, answer, connection, "");
    }

    private void issue(FakeRequest request, FakeAnswer answer, String connection, String scope) {
        JSONObject body = new JSONObject();
        int n = ++counter;
        if (kind == Kind.OAUTH_APP) {
            String access = "gho_fakeOAuthAppToken" + n;
            accessTokens.put(access, connection);
            body.put("access_token", access).put("scope", scope).put("token_type", "bearer");
        } else {
            String access = "ghu_fakeUserToken" + n;
            accessTokens.put(access, connection);
            body.put("access_token", access);
            if (kind == Kind.GITHUB_APP_EXPIRING) {
                String refresh = "ghr_fakeRefreshToken" + n;
                refreshTokens.put(refresh, connection);
                body.put("expires_in", 28800).put("refresh_token", refresh).put("refresh_token_expires_in", 15897600);
            }
            body.put("scope", "").put("token_type", "bearer");
        }
        if (acceptsJson(request)) {
            answer.json(200, body);
        } else {
            Map<String, String> form = new LinkedHashMap<>();
            body.keySet().forEach(k -> form.put(k, String.valueOf(body.get(k))));
            answer.contentType("application/x-www-form-urlencoded; charset=utf-8").send(200, OAuthHttp.formEncode(form));
        }
    }

    private static void tokenError(FakeRequest request, FakeAnswer answer, String error, String description) {
        JSONObject body = new JSONObject().put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        // GitHub answers token-endpoint errors with 200, not 400.
        if (acceptsJson(request)) {
            answer.json(200, body);
        } else {
            answer.send(200, OAuthHttp.formEncode(Map.of("error", error)));
        }
    }

    private void user(FakeRequest request, FakeAnswer answer) {
        if (request.header("User-Agent") == null) {
            answer.json(403, new JSONObject().put("message", "Request forbidden by administrative rules."));
            return;
        }
        String token = request.bearer();
        if (token == null || !accessTokens.containsKey(token)) {
            answer.json(401, new JSONObject().put("message", "Bad credentials")
                    .put("documentation_url", "https://docs.github.com/rest").put("status", "401"));
            return;
        }
        answer.json(200, new JSONObject().put("login", LOGIN).put("id", USER_ID).put("node_id", "MDQ6VXNlcjU4MzIzMQ==")
                .put("type", "User").put("name", "The Octocat").put("email", JSONObject.NULL));
    }

    /** "Check a token": 200 with the token's details while it works, 404 once it does not. */
    private void checkToken(FakeRequest request, FakeAnswer answer) {
        String token = appRequestToken(request, answer);
        if (token == null) {
            return;
        }
        answer.json(200, new JSONObject().put("token", token).put("scopes", List.of())
                .put("app", new JSONObject().put("client_id", CLIENT_ID))
                .put("user", new JSONObject().put("login", LOGIN).put("id", USER_ID)));
    }

    /** "Delete an app token": that token and the refresh token of its connection, nothing else. */
    private void deleteToken(FakeRequest request, FakeAnswer answer) {
        String token = appRequestToken(request, answer);
        if (token == null) {
            return;
        }
        String connection = accessTokens.remove(token);
        refreshTokens.values().removeIf(connection::equals);
        answer.send(204, "");
    }

    /** "Delete an app authorization": every token the (only) user granted the app, from every connection. */
    private void deleteGrant(FakeRequest request, FakeAnswer answer) {
        if (appRequestToken(request, answer) == null) {
            return;
        }
        revokeAll();
        answer.send(204, "");
    }

    /**
     * The live token named in an {@code /applications/{client_id}/…} request, or null after
     * answering 401 (not the app's Basic credentials), 422 (no token in the body) or 404 (a token
     * GitHub does not know).
     */
    private String appRequestToken(FakeRequest request, FakeAnswer answer) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.header("Authorization"))) {
            answer.json(401, new JSONObject().put("message", "Bad credentials")
                    .put("documentation_url", "https://docs.github.com/rest").put("status", "401"));
            return null;
        }
        String token = new JSONObject(request.body().isBlank() ? "{}" : request.body()).optString("access_token", "");
        if (token.isEmpty()) {
            answer.json(422, new JSONObject().put("message", "Validation Failed").put("status", "422"));
            return null;
        }
        if (!accessTokens.containsKey(token)) {
            notFound(answer);
            return null;
        }
        return token;
    }

    private static void notFound(FakeAnswer answer) {
        answer.json(404, new JSONObject().put("message", "Not Found")
                .put("documentation_url", "https://docs.github.com/rest").put("status", "404"));
    }

    private static boolean acceptsJson(FakeRequest request) {
        String accept = request.header("Accept");
        return accept != null && accept.contains("application/json");
    }
}
