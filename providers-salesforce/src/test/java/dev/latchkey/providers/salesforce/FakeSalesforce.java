package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.fake.FakeAnswer;
import dev.latchkey.providers.fake.FakeProviderServer;
import dev.latchkey.providers.fake.FakeRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A loopback stand-in for a Salesforce login host and org instance, answering like the real
 * one: authorize redirects with a code, the token endpoint checks body client authentication,
 * redirect_uri and the PKCE verifier, issues no expires_in, issues a refresh token only for the
 * {@code refresh_token}/{@code offline_access} scopes, rotates refresh tokens only when the app
 * setting is on, and the identity, userinfo and revoke endpoints behave as Salesforce's do
 * (revoking a refresh token ends the access tokens issued with it). Usable from other modules'
 * tests (published in the test-jar); every knob is thread-safe.
 */
public final class FakeSalesforce extends FakeProviderServer {

    public static final String CLIENT_ID = "3MVG9fakeConsumerKey";
    public static final String CLIENT_SECRET = "fake-consumer-secret-7f3a";
    public static final String ORG_ID = "00Dxx0000000001";
    public static final String USER_ID = "005xx000000001AAA";
    public static final String USERNAME = "ada@example.org";
    public static final String DISPLAY_NAME = "Ada Lovelace";

    public static final String AUTHORIZE_PATH = "/services/oauth2/authorize";
    public static final String TOKEN_PATH = "/services/oauth2/token";
    public static final String REVOKE_PATH = "/services/oauth2/revoke";

    private record Grant(String redirectUri, String challenge, String scope) {
    }

    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, Grant> refreshTokens = new HashMap<>();
    /** Each live access token, mapped to the refresh token it was issued with (or to itself without one). */
    private final Map<String, String> accessTokens = new HashMap<>();
    private boolean publicClient;
    private boolean rotateRefreshTokens;
    private String grantOnly;
    private String instancePath = "/na1";
    private long lastIssuedAt;
    private int counter;

    /** A fake on any free port. */
    public FakeSalesforce() {
        this(0);
    }

    /** A fake on {@code port} (0: any free port). */
    public FakeSalesforce(int port) {
        super(port);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", CLIENT_SECRET);
        values.put("login-url", baseUrl());
        return values;
    }

    public String baseUrl() {
        return base().toString();
    }

    public synchronized String instanceUrl() {
        return baseUrl() + instancePath;
    }

    public String identityUrl() {
        return baseUrl() + "/id/" + ORG_ID + "/" + USER_ID;
    }

    /** Accept no client secret (and refuse one), like an app configured as a public client. */
    public synchronized void publicClient() {
        publicClient = true;
    }

    /** Turn on refresh token rotation, as the app setting does. */
    public void rotateRefreshTokens() {
        rotateRefreshTokens(true);
    }

    /** The connected app's "refresh token rotation" setting: each refresh then retires the refresh token used. */
    public synchronized void rotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    /**
     * The admin limits the connected app to these scopes: later approvals grant exactly these,
     * whatever was requested. {@code List.of("api")} gives connections without a refresh token.
     */
    public synchronized void grantOnly(List<String> scopes) {
        grantOnly = String.join(" ", scopes);
    }

    /** Move the org: later token responses name another instance URL. */
    public synchronized void moveInstance(String path) {
        instancePath = path;
    }

    synchronized long lastIssuedAt() {
        return lastIssuedAt;
    }

    /** The next token or revoke request gets this answer (the plugin's own tests' order of arguments). */
    void answerNext(int status, Map<String, String> headers, String body) {
        answerNext(status, body, headers);
    }

    List<FakeRequest> received() {
        return seen();
    }

    List<FakeRequest> received(String path) {
        return seen(path);
    }

    /** Issues a code directly, as if the user had approved a request with these parameters. */
    public synchronized String approve(String redirectUri, String challenge, String scope) {
        String code = "aPrx" + (++counter) + "code";
        codes.put(code, new Grant(redirectUri, challenge, grantOnly != null ? grantOnly : scope));
        return code;
    }

    /**
     * Plays the user approving the authorization URL; returns the callback URL Salesforce
     * redirects to ({@code code} and {@code state}).
     *
     * @throws IllegalArgumentException when Salesforce's page would refuse the request
     */
    public synchronized URI consent(URI authorizationUrl) {
        Map<String, String> query = parseForm(authorizationUrl.getRawQuery());
        String redirectUri = query.get("redirect_uri");
        if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null || !"code".equals(query.get("response_type"))) {
            throw new IllegalArgumentException("Salesforce would refuse this authorization request");
        }
        String method = query.get("code_challenge_method");
        if (query.get("code_challenge") != null && method != null && !"S256".equals(method)) {
            throw new IllegalArgumentException("Salesforce would refuse this code challenge method");
        }
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", approve(redirectUri, query.get("code_challenge"), query.get("scope")));
        callback.put("state", query.get("state"));
        return OAuthHttp.withQuery(redirectUri, callback);
    }

    public synchronized boolean refreshTokenValid(String refreshToken) {
        return refreshTokens.containsKey(refreshToken);
    }

    /** Whether Salesforce still accepts this access token. */
    public synchronized boolean live(String accessToken) {
        return accessTokens.containsKey(accessToken);
    }

    /**
     * The user (or an admin) revokes the app's access under Connected Apps OAuth Usage: every
     * access and refresh token issued so far stops working (refresh answers {@code invalid_grant}
     * "expired access/refresh token", the API 401 {@code INVALID_SESSION_ID}).
     */
    public synchronized void revokeAll() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    /** The token endpoint answers only after this delay, having already issued (and rotated) the tokens. */
    public void tokenDelay(Duration delay) {
        delay(TOKEN_PATH, delay);
    }

    /** How many requests reached the token endpoint with {@code grant_type=refresh_token}. */
    public int refreshes() {
        return (int) seen(TOKEN_PATH).stream().filter(r -> "refresh_token".equals(r.form().get("grant_type"))).count();
    }

    /** The query parameters of a URL, decoded. */
    static Map<String, String> query(URI uri) {
        return parseForm(uri.getRawQuery());
    }

    @Override
    protected void answer(FakeRequest request, FakeAnswer answer) {
        String path = request.path();
        if (path.equals(AUTHORIZE_PATH)) {
            authorize(request, answer);
        } else if (path.equals(TOKEN_PATH) || path.equals(REVOKE_PATH)) {
            String contentType = request.header("Content-Type");
            if (!"POST".equals(request.method()) || contentType == null
                    || !contentType.startsWith("application/x-www-form-urlencoded")) {
                answer.send(400, error("invalid_request", "must use HTTP POST with a form"));
            } else if (path.equals(TOKEN_PATH)) {
                token(request, answer);
            } else {
                revoke(request.form(), answer);
            }
        } else if (path.equals("/id/" + ORG_ID + "/" + USER_ID)) {
            identity(request, answer);
        } else if (path.endsWith("/services/oauth2/userinfo")) {
            userinfo(request, answer);
        } else {
            answer.send(404, "");
        }
    }

    private void authorize(FakeRequest request, FakeAnswer answer) {
        Map<String, String> query = request.form();
        String redirectUri = query.get("redirect_uri");
        if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null) {
            answer.send(400, "<html>error=invalid_client_id</html>");
            return;
        }
        String method = query.get("code_challenge_method");
        if (!"code".equals(query.get("response_type"))
                || (query.get("code_challenge") != null && method != null && !"S256".equals(method))) {
            redirect(answer, redirectUri, Map.of("error", "unsupported_response_type", "state", query.getOrDefault("state", "")));
            return;
        }
        redirect(answer, consent(URI.create(baseUrl() + AUTHORIZE_PATH + "?" + request.query())).toString(), Map.of());
    }

    private void token(FakeRequest request, FakeAnswer answer) {
        Map<String, String> form = request.form();
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            answer.send(400, error("invalid_client_id", "client identifier invalid"));
            return;
        }
        boolean secretOk = publicClient ? form.get("client_secret") == null : CLIENT_SECRET.equals(form.get("client_secret"));
        if (!secretOk || request.header("Authorization") != null) {
            answer.send(400, error("invalid_client", "invalid client credentials"));
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> exchangeCode(form, answer);
            case "refresh_token" -> refresh(form, answer);
            default -> answer.send(400, error("unsupported_grant_type", "grant type not supported"));
        }
    }

    private void exchangeCode(Map<String, String> form, FakeAnswer answer) {
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null) {
            answer.send(400, error("invalid_grant", "expired authorization code"));
            return;
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            answer.send(400, error("redirect_uri_mismatch", "redirect_uri must match configuration"));
            return;
        }
        if (grant.challenge() != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null) {
                answer.json(400, new JSONObject().put("error", "invalid_grant"));
                return;
            }
            if (!Pkce.challenge(verifier).equals(grant.challenge())) {
                answer.json(400, new JSONObject().put("error", "invalid_request"));
                return;
            }
        }
        answer.json(200, issue(grant, null));
    }

    private void refresh(Map<String, String> form, FakeAnswer answer) {
        String old = form.get("refresh_token");
        Grant grant = old == null ? null : refreshTokens.get(old);
        if (grant == null) {
            answer.send(400, error("invalid_grant", "expired access/refresh token"));
            return;
        }
        if (rotateRefreshTokens) {
            refreshTokens.remove(old);
            answer.json(200, issue(grant, null));
        } else {
            answer.json(200, issue(grant, old));
        }
    }

    /**
     * Issues an access token, and a new refresh token when {@code keptRefreshToken} is null and
     * the scopes allow one; otherwise the access token belongs to {@code keptRefreshToken}.
     */
    private JSONObject issue(Grant grant, String keptRefreshToken) {
        String access = ORG_ID + "!AQ" + (++counter) + "accesstokenvalue";
        long issuedAt = System.currentTimeMillis() - 1_500;
        lastIssuedAt = issuedAt;
        String scope = grant.scope() == null ? "api refresh_token" : grant.scope();
        JSONObject body = new JSONObject()
                .put("access_token", access)
                .put("signature", "VA0jxT+xl3HUdw1+Fz2f+47OD3AV490hgNhhkFYvPLE=")
                .put("scope", scope)
                .put("instance_url", instanceUrl())
                .put("id", identityUrl())
                .put("token_type", "Bearer")
                .put("issued_at", Long.toString(issuedAt));
        String owner = keptRefreshToken != null ? keptRefreshToken : access;
        List<String> scopes = Arrays.asList(scope.split(" "));
        if (keptRefreshToken == null && (scopes.contains("refresh_token") || scopes.contains("offline_access"))) {
            String refresh = "5Aep86" + (++counter) + "refreshtokenvalue";
            refreshTokens.put(refresh, grant);
            body.put("refresh_token", refresh);
            owner = refresh;
        }
        accessTokens.put(access, owner);
        return body;
    }

    /** RFC 7009 with Salesforce's twist: an unknown token is 400 {@code invalid_token}, not 200. */
    private void revoke(Map<String, String> form, FakeAnswer answer) {
        String token = form.get("token");
        if (token != null && refreshTokens.remove(token) != null) {
            accessTokens.values().removeIf(token::equals);
            answer.send(200, "");
        } else if (token != null && accessTokens.remove(token) != null) {
            answer.send(200, "");
        } else {
            answer.json(400, new JSONObject().put("error", "invalid_token"));
        }
    }

    private void identity(FakeRequest request, FakeAnswer answer) {
        if (!accessTokens.containsKey(String.valueOf(request.bearer()))) {
            answer.send(403, "Bad_OAuth_Token");
            return;
        }
        answer.json(200, new JSONObject()
                .put("id", identityUrl())
                .put("asserted_user", true)
                .put("user_id", USER_ID)
                .put("organization_id", ORG_ID)
                .put("username", USERNAME)
                .put("nick_name", "ada")
                .put("display_name", DISPLAY_NAME)
                .put("email", "ada@example.org")
                .put("active", true)
                .put("user_type", "STANDARD"));
    }

    private void userinfo(FakeRequest request, FakeAnswer answer) {
        if (!accessTokens.containsKey(String.valueOf(request.bearer()))) {
            answer.json(401, new JSONArray().put(new JSONObject()
                    .put("message", "Session expired or invalid").put("errorCode", "INVALID_SESSION_ID")));
            return;
        }
        answer.json(200, new JSONObject()
                .put("sub", identityUrl())
                .put("user_id", USER_ID)
                .put("organization_id", ORG_ID)
                .put("preferred_username", USERNAME)
                .put("name", DISPLAY_NAME)
                .put("email", "ada@example.org"));
    }

    private static String error(String error, String description) {
        return new JSONObject().put("error", error).put("error_description", description).toString();
    }

    private static void redirect(FakeAnswer answer, String location, Map<String, String> params) {
        answer.header("Location", params.isEmpty() ? location : OAuthHttp.withQuery(location, params).toString()).send(302, "");
    }
}
