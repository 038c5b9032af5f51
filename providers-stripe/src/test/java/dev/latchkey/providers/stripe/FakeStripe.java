package dev.latchkey.providers.stripe;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.fake.FakeAnswer;
import dev.latchkey.providers.fake.FakeProviderServer;
import dev.latchkey.providers.fake.FakeRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;

/**
 * A loopback stand-in for connect.stripe.com and api.stripe.com that answers as the real ones
 * do: the consent redirect, the code exchange (platform secret key in the body, single-use codes
 * whose reuse revokes the connection), refresh (rotating or not), deauthorize, and {@code GET
 * /v1/account} with {@code Stripe-Account}. A connection is an account connected to the
 * platform: disconnecting it (deauthorize, or the account owner removing the app) ends every
 * token issued for it. Usable from other modules' tests (published in the test-jar); every knob
 * is thread-safe.
 */
public final class FakeStripe extends FakeProviderServer {

    public static final String CLIENT_ID = "ca_fakePlatformClient";
    public static final String SECRET_KEY = "sk_test_fakePlatformSecretKey";
    /** The account that {@link #consent(URI)} connects. */
    public static final String DEFAULT_ACCOUNT = "acct_1FakeConnectedAcct";

    public static final String AUTHORIZE_PATH = "/oauth/authorize";
    public static final String TOKEN_PATH = "/oauth/token";
    public static final String DEAUTHORIZE_PATH = "/oauth/deauthorize";
    public static final String ACCOUNT_PATH = "/v1/account";

    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, String> codeScopes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private final Map<String, String> accessTokens = new HashMap<>();
    private final Set<String> connected = new HashSet<>();
    private final Map<String, JSONObject> accounts = new HashMap<>();
    private boolean rotateRefreshTokens;
    private boolean platformKeyRefused;
    private int counter;

    /** A fake on any free port. */
    public FakeStripe() {
        this(0);
    }

    /** A fake on {@code port} (0: any free port). */
    public FakeStripe(int port) {
        super(port);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", CLIENT_ID);
        values.put("client-secret", SECRET_KEY);
        values.put("authorize-url", base() + AUTHORIZE_PATH);
        values.put("token-url", base() + TOKEN_PATH);
        values.put("deauthorize-url", base() + DEAUTHORIZE_PATH);
        values.put("api-url", base().toString());
        return values;
    }

    Provider provider() {
        return provider(settings());
    }

    static Provider provider(Map<String, String> settings) {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new StripeProviderFactory().create(new ProviderConfig("stripe", settings), http);
    }

    /** Registers a Stripe account with the given account object (its {@code id} is the key). */
    public synchronized void addAccount(JSONObject account) {
        accounts.put(account.getString("id"), account);
    }

    /** An authorization code as Stripe's consent page would hand to the redirect URI. */
    public synchronized String issueCode(String accountId, String scope) {
        if (!accounts.containsKey(accountId)) {
            addAccount(new JSONObject().put("id", accountId).put("object", "account"));
        }
        String code = "ac_" + next();
        codes.put(code, accountId);
        codeScopes.put(code, scope);
        return code;
    }

    /** Plays the owner of {@link #DEFAULT_ACCOUNT} approving the authorization URL; returns the callback URL. */
    public URI consent(URI authorizationUrl) {
        return consent(authorizationUrl, DEFAULT_ACCOUNT);
    }

    /**
     * Plays the owner of {@code accountId} approving the authorization URL; returns the callback
     * URL Stripe redirects to ({@code code}, {@code scope}, {@code state}).
     *
     * @throws IllegalArgumentException when Stripe's page would refuse the request (wrong client id)
     */
    public synchronized URI consent(URI authorizationUrl, String accountId) {
        Map<String, String> query = parseForm(authorizationUrl.getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
            throw new IllegalArgumentException("Stripe would refuse this authorization request");
        }
        String scope = query.getOrDefault("scope", "read_only");
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", issueCode(accountId, scope));
        callback.put("scope", scope);
        callback.put("state", query.get("state"));
        return OAuthHttp.withQuery(query.get("redirect_uri"), callback);
    }

    /** Whether refresh rotates the refresh token (Stripe's documented default is not to). */
    public synchronized void rotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    /**
     * Stripe refuses the platform's secret key from now on (rolled or deleted in the dashboard):
     * every call with it answers as for an unknown key, and nothing is disconnected.
     */
    public synchronized void refusePlatformKey(boolean refused) {
        platformKeyRefused = refused;
    }

    /** The owner of {@code accountId} disconnects the platform in their dashboard. */
    public synchronized void accountDisconnects(String accountId) {
        disconnect(accountId);
    }

    /**
     * Every connected account disconnects the platform: every access and refresh token issued so
     * far stops working (refresh answers {@code invalid_grant}, the account lookup 403
     * {@code account_invalid}).
     */
    public synchronized void revokeAll() {
        Set.copyOf(connected).forEach(this::disconnect);
    }

    /** The token endpoint answers only after this delay, having already issued (and rotated) the tokens. */
    public void tokenDelay(Duration delay) {
        delay(TOKEN_PATH, delay);
    }

    /** How many requests reached the token endpoint with {@code grant_type=refresh_token}. */
    public int refreshes() {
        return (int) seen(TOKEN_PATH).stream().filter(r -> "refresh_token".equals(r.form().get("grant_type"))).count();
    }

    public synchronized boolean isConnected(String accountId) {
        return connected.contains(accountId);
    }

    /** Whether this access token was issued and its account is still connected. */
    public synchronized boolean live(String accessToken) {
        return accessTokens.containsKey(accessToken);
    }

    @Override
    protected void answer(FakeRequest request, FakeAnswer answer) {
        switch (request.method() + " " + request.path()) {
            case "GET " + AUTHORIZE_PATH -> answer.header("Location",
                    consent(URI.create(base() + AUTHORIZE_PATH + "?" + request.query())).toString()).send(302, "");
            case "POST " + TOKEN_PATH -> token(request.form(), answer);
            case "POST " + DEAUTHORIZE_PATH -> deauthorize(request, answer);
            case "GET " + ACCOUNT_PATH -> account(request, answer);
            default -> answer.json(404, apiError("invalid_request_error", null, "Unrecognized request URL"));
        }
    }

    private void token(Map<String, String> form, FakeAnswer answer) {
        if (platformKeyRefused || !SECRET_KEY.equals(form.get("client_secret"))) {
            answer.json(401, oauthError("invalid_client", "No such API key: " + form.get("client_secret")));
            return;
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            answer.json(400, oauthError("invalid_request", "No grant type specified"));
        } else if (grantType.equals("authorization_code")) {
            exchangeCode(form.get("code"), answer);
        } else if (grantType.equals("refresh_token")) {
            refresh(form.get("refresh_token"), answer);
        } else {
            answer.json(400, oauthError("unsupported_grant_type", "Unsupported grant type: " + grantType));
        }
    }

    private void exchangeCode(String code, FakeAnswer answer) {
        String accountId = codes.get(code);
        if (accountId == null) {
            answer.json(400, oauthError("invalid_grant", "Authorization code does not exist: " + code));
            return;
        }
        if (!usedCodes.add(code)) {
            disconnect(accountId);
            answer.json(400, oauthError("invalid_grant",
                    "This authorization code has already been used. All tokens issued with this code have been revoked."));
            return;
        }
        connected.add(accountId);
        String refreshToken = "rt_" + next();
        refreshTokens.put(refreshToken, accountId);
        answer.json(200, grant(accountId, codeScopes.get(code)).put("refresh_token", refreshToken));
    }

    private void refresh(String refreshToken, FakeAnswer answer) {
        String accountId = refreshTokens.get(refreshToken);
        if (accountId == null || !connected.contains(accountId)) {
            answer.json(400, new JSONObject().put("error", "invalid_grant"));
            return;
        }
        JSONObject grant = grant(accountId, "read_write");
        if (rotateRefreshTokens) {
            refreshTokens.remove(refreshToken);
            String rotated = "rt_" + next();
            refreshTokens.put(rotated, accountId);
            grant.put("refresh_token", rotated);
        }
        answer.json(200, grant);
    }

    private JSONObject grant(String accountId, String scope) {
        String accessToken = "sk_test_conn" + next();
        accessTokens.put(accessToken, accountId);
        return new JSONObject()
                .put("access_token", accessToken)
                .put("livemode", false)
                .put("token_type", "bearer")
                .put("stripe_publishable_key", "pk_test_" + accountId)
                .put("stripe_user_id", accountId)
                .put("scope", scope);
    }

    private void deauthorize(FakeRequest request, FakeAnswer answer) {
        if (!platformKeyAccepted(request)) {
            answer.json(401, oauthError("invalid_client", "No such API key: " + presentedKey(request)));
            return;
        }
        String accountId = request.form().get("stripe_user_id");
        if (!CLIENT_ID.equals(request.form().get("client_id")) || accountId == null || !connected.contains(accountId)) {
            answer.json(401, oauthError("invalid_client", "This application is not connected to stripe account "
                    + accountId + ", or that account does not exist."));
            return;
        }
        disconnect(accountId);
        answer.json(200, new JSONObject().put("stripe_user_id", accountId));
    }

    private void account(FakeRequest request, FakeAnswer answer) {
        if (!platformKeyAccepted(request)) {
            answer.json(401, apiError("invalid_request_error", null, "Invalid API Key provided: " + presentedKey(request)));
            return;
        }
        String accountId = request.header("Stripe-Account");
        if (accountId == null) {
            answer.json(200, new JSONObject().put("id", "acct_platform").put("object", "account"));
            return;
        }
        if (!connected.contains(accountId)) {
            answer.json(403, apiError("invalid_request_error", "account_invalid", "The provided key '" + SECRET_KEY
                    + "' does not have access to account '" + accountId
                    + "' (or that account does not exist). Application access may have been revoked."));
            return;
        }
        answer.json(200, accounts.get(accountId));
    }

    /** Stripe takes the secret key as a bearer token or as the Basic user name with no password. */
    private boolean platformKeyAccepted(FakeRequest request) {
        String authorization = request.header("Authorization");
        String basic = "Basic " + Base64.getEncoder().encodeToString((SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
        return !platformKeyRefused && (("Bearer " + SECRET_KEY).equals(authorization) || basic.equals(authorization));
    }

    private static String presentedKey(FakeRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : String.valueOf(authorization);
    }

    private void disconnect(String accountId) {
        connected.remove(accountId);
        refreshTokens.values().removeIf(accountId::equals);
        accessTokens.values().removeIf(accountId::equals);
    }

    private int next() {
        return ++counter;
    }

    private static JSONObject oauthError(String error, String description) {
        return new JSONObject().put("error", error).put("error_description", description);
    }

    private static JSONObject apiError(String type, String code, String message) {
        JSONObject error = new JSONObject().put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return new JSONObject().put("error", error);
    }
}
