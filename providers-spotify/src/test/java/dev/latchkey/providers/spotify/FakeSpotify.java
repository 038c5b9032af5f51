package dev.latchkey.providers.spotify;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.providers.fake.FakeAnswer;
import dev.latchkey.providers.fake.FakeProviderServer;
import dev.latchkey.providers.fake.FakeRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;

/**
 * A loopback stand-in for accounts.spotify.com and api.spotify.com that answers as the real
 * ones do: consent issuing single-use codes bound to a redirect URI and a PKCE challenge, the
 * token endpoint (HTTP Basic for confidential clients, {@code client_id} in the form for public
 * PKCE clients, errors as HTTP 400 {@code {error, error_description}}), refresh that rotates for
 * PKCE grants and omits {@code refresh_token} for code-flow grants, and {@code GET /v1/me} with
 * the Web API's {@code {"error": {"status", "message"}}} envelope. There is no revocation
 * endpoint. Usable from other modules' tests (published in the test-jar); every knob is
 * thread-safe.
 */
public final class FakeSpotify extends FakeProviderServer {

    public static final String CLIENT_ID = "fake0client0id0spotify";
    public static final String CLIENT_SECRET = "fake0client0secret0spotify";
    /** The redirect URI registered for the app from the start; {@link #registerRedirectUri} adds others. */
    public static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/v1/connections/callback");
    /** The user {@link #consent(URI)} signs in as. */
    public static final String DEFAULT_USER = "smedjan";
    static final Instant NOW = Instant.parse("2026-08-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final String AUTHORIZE_PATH = "/authorize";
    public static final String TOKEN_PATH = "/api/token";
    public static final String ME_PATH = "/v1/me";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the consent page hands back to the redirect URI. */
    public record Consent(String code, String state) {
    }

    /** One user authorization and everything issued under it. */
    private static final class Grant {
        final String user;
        final String scope;
        final URI redirectUri;
        final String challenge;
        boolean publicClient;
        boolean revoked;
        boolean expired;

        Grant(String user, String scope, URI redirectUri, String challenge) {
            this.user = user;
            this.scope = scope;
            this.redirectUri = redirectUri;
            this.challenge = challenge;
        }
    }

    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, Grant> refreshTokens = new HashMap<>();
    private final Map<String, Grant> accessTokens = new HashMap<>();
    private final List<String> expiredAccessTokens = new ArrayList<>();
    private final Map<String, JSONObject> users = new HashMap<>();
    private final Set<URI> redirectUris = new HashSet<>(Set.of(REDIRECT_URI));
    private Boolean rotate;

    /** A fake on any free port. */
    public FakeSpotify() {
        this(0);
    }

    /** A fake on {@code port} (0: any free port). */
    public FakeSpotify(int port) {
        super(port);
        addUser(new JSONObject().put("id", "smedjan").put("display_name", "Ada Lovelace")
                .put("account_id", "5f0e7a2c9b").put("type", "user").put("uri", "spotify:user:smedjan"));
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

    /** A confidential client: the configuration carries the client secret. */
    Provider provider() {
        return provider(settings());
    }

    /** A public PKCE client: no client secret configured. */
    Provider publicProvider() {
        Map<String, String> values = settings();
        values.remove("client-secret");
        return provider(values);
    }

    static Provider provider(Map<String, String> settings) {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new SpotifyProviderFactory().create(new ProviderConfig("spotify", settings), http, CLOCK);
    }

    /** Runs the whole flow for the default user: authorization URL, consent, code exchange. */
    TokenSet connect(Provider provider, List<String> scopes) {
        String verifier = Pkce.newVerifier();
        URI url = provider.authorizationUrl(new AuthorizationRequest("st4te", REDIRECT_URI, scopes, Pkce.challenge(verifier)));
        Consent consent = consent(url, DEFAULT_USER);
        return provider.exchangeCode(new CodeExchange(consent.code(), REDIRECT_URI, verifier));
    }

    /** Adds a user who can approve the app; {@code id} is their Spotify user id. */
    public synchronized void addUser(JSONObject profile) {
        users.put(profile.getString("id"), profile);
    }

    /**
     * The user approves the app on the page at {@code authorizationUrl}; fails as Spotify's page
     * would refuse a request with a wrong client, response type, redirect URI or PKCE method.
     */
    public synchronized Consent consent(URI authorizationUrl, String user) {
        Map<String, String> query = parseForm(authorizationUrl.getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            throw new IllegalArgumentException("INVALID_CLIENT: Invalid client");
        }
        if (!"code".equals(query.get("response_type"))) {
            throw new IllegalArgumentException("unsupported_response_type");
        }
        if (query.get("redirect_uri") == null || !redirectUris.contains(URI.create(query.get("redirect_uri")))) {
            throw new IllegalArgumentException("INVALID_CLIENT: Invalid redirect URI");
        }
        String challenge = query.get("code_challenge");
        if (challenge != null && !"S256".equals(query.get("code_challenge_method"))) {
            throw new IllegalArgumentException("code_challenge_method must be S256");
        }
        String code = opaque("AQ");
        codes.put(code, new Grant(user, query.getOrDefault("scope", ""), URI.create(query.get("redirect_uri")), challenge));
        return new Consent(code, query.get("state"));
    }

    /** {@link #DEFAULT_USER} approves the app; returns the callback URL Spotify redirects to. */
    public URI consent(URI authorizationUrl) {
        Map<String, String> query = parseForm(authorizationUrl.getRawQuery());
        Consent consent = consent(authorizationUrl, DEFAULT_USER);
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", consent.code());
        callback.put("state", consent.state());
        return OAuthHttp.withQuery(query.get("redirect_uri"), callback);
    }

    /** Registers another redirect URI in the app's Spotify dashboard settings. */
    public synchronized void registerRedirectUri(URI redirectUri) {
        redirectUris.add(redirectUri);
    }

    /** Rotate refresh tokens on refresh (true), never (false), or as Spotify does (null: PKCE grants only). */
    public synchronized void rotateRefreshTokens(Boolean value) {
        rotate = value;
    }

    /**
     * The user removed the app at spotify.com/account/apps: every refresh token issued so far
     * answers {@code invalid_grant} "Refresh token revoked", every access token 401.
     */
    public synchronized void revokeAll() {
        refreshTokens.values().forEach(grant -> grant.revoked = true);
        accessTokens.values().forEach(grant -> grant.revoked = true);
    }

    /** Same as {@link #revokeAll()}, in the words of the plugin's own tests. */
    void userRemovedApp() {
        revokeAll();
    }

    /** Whether Spotify still accepts this access token (issued, not expired, not revoked). */
    public synchronized boolean live(String accessToken) {
        Grant grant = accessTokens.get(accessToken);
        return grant != null && !grant.revoked && !expiredAccessTokens.contains(accessToken);
    }

    /** The token endpoint answers only after this delay, having already issued (and rotated) the tokens. */
    public void tokenDelay(Duration delay) {
        delay(TOKEN_PATH, delay);
    }

    /** How many requests reached the token endpoint with {@code grant_type=refresh_token}. */
    public int refreshes() {
        return (int) seen(TOKEN_PATH).stream().filter(r -> "refresh_token".equals(r.form().get("grant_type"))).count();
    }

    /** Six months passed since the user authorized. */
    public synchronized void sixMonthsPassed() {
        refreshTokens.values().forEach(grant -> grant.expired = true);
        expiredAccessTokens.addAll(accessTokens.keySet());
    }

    /** An hour passed: every access token issued so far has expired. */
    public synchronized void anHourPassed() {
        expiredAccessTokens.addAll(accessTokens.keySet());
    }

    @Override
    protected void answer(FakeRequest request, FakeAnswer answer) {
        switch (request.method() + " " + request.path()) {
            case "POST " + TOKEN_PATH -> token(request, answer);
            case "GET " + ME_PATH -> me(request, answer);
            default -> answer.send(404, apiError(404, "Service not found"));
        }
    }

    private void token(FakeRequest request, FakeAnswer answer) {
        Map<String, String> form = request.form();
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            answer.send(400, oauthError("unsupported_grant_type", "grant_type parameter is missing"));
            return;
        }
        String authorization = request.header("Authorization");
        boolean publicClient;
        if (authorization != null) {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                answer.send(400, oauthError("invalid_client", "Invalid client secret"));
                return;
            }
            publicClient = false;
        } else if (CLIENT_ID.equals(form.get("client_id"))) {
            publicClient = true;
        } else {
            answer.send(400, oauthError("invalid_client", "Invalid client"));
            return;
        }
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            exchangeCode(answer, form, publicClient);
        } else if ("refresh_token".equals(grantType)) {
            refresh(answer, form, publicClient);
        } else {
            answer.send(400, oauthError("unsupported_grant_type", "grant_type parameter is missing"));
        }
    }

    private void exchangeCode(FakeAnswer answer, Map<String, String> form, boolean publicClient) {
        Grant grant = codes.remove(form.get("code"));
        if (grant == null) {
            answer.send(400, oauthError("invalid_grant", "Invalid authorization code"));
            return;
        }
        if (!grant.redirectUri.toString().equals(form.get("redirect_uri"))) {
            answer.send(400, oauthError("invalid_grant", "Invalid redirect URI"));
            return;
        }
        String verifier = form.get("code_verifier");
        if (grant.challenge != null && (verifier == null || !Pkce.challenge(verifier).equals(grant.challenge))) {
            answer.send(400, oauthError("invalid_grant", "code_verifier was incorrect"));
            return;
        }
        if (publicClient && grant.challenge == null) {
            answer.send(400, oauthError("invalid_client", "Invalid client secret"));
            return;
        }
        grant.publicClient = publicClient;
        String refreshToken = opaque("AQ");
        refreshTokens.put(refreshToken, grant);
        answer.json(200, issue(grant).put("refresh_token", refreshToken));
    }

    private void refresh(FakeAnswer answer, Map<String, String> form, boolean publicClient) {
        String presented = form.get("refresh_token");
        Grant grant = refreshTokens.get(presented);
        if (grant == null) {
            answer.send(400, oauthError("invalid_grant", "Invalid refresh token"));
            return;
        }
        if (grant.revoked) {
            answer.send(400, oauthError("invalid_grant", "Refresh token revoked"));
            return;
        }
        if (grant.expired) {
            answer.json(400, new JSONObject().put("error", "invalid_grant"));
            return;
        }
        if (grant.publicClient != publicClient) {
            answer.send(400, oauthError("invalid_client", "Invalid client"));
            return;
        }
        JSONObject body = issue(grant);
        boolean rotateNow = rotate != null ? rotate : grant.publicClient;
        if (rotateNow) {
            refreshTokens.remove(presented);
            String rotated = opaque("AQ");
            refreshTokens.put(rotated, grant);
            body.put("refresh_token", rotated);
        }
        answer.json(200, body);
    }

    private JSONObject issue(Grant grant) {
        String accessToken = opaque("BQ");
        accessTokens.put(accessToken, grant);
        return new JSONObject()
                .put("access_token", accessToken)
                .put("token_type", "Bearer")
                .put("scope", grant.scope)
                .put("expires_in", 3600);
    }

    private void me(FakeRequest request, FakeAnswer answer) {
        String token = request.bearer();
        if (token == null) {
            answer.send(401, apiError(401, "No token provided"));
            return;
        }
        if (expiredAccessTokens.contains(token)) {
            answer.send(401, apiError(401, "The access token expired"));
            return;
        }
        Grant grant = accessTokens.get(token);
        if (grant == null || grant.revoked) {
            answer.send(401, apiError(401, "Invalid access token"));
            return;
        }
        answer.json(200, users.get(grant.user));
    }

    /** Spotify's codes and tokens are long opaque strings; the prefixes are what Spotify's look like. */
    private static String opaque(String prefix) {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String oauthError(String error, String description) {
        return new JSONObject().put("error", error).put("error_description", description).toString();
    }

    static String apiError(int status, String message) {
        return new JSONObject().put("error", new JSONObject().put("status", status).put("message", message)).toString();
    }
}
