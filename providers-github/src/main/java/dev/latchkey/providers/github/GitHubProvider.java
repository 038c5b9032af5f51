package dev.latchkey.providers.github;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.latchkey.providers.Json;

/**
 * GitHub's OAuth web flow for both kinds of client. OAuth App tokens never expire and have no
 * refresh token. GitHub App user access tokens (with expiration enabled) expire after hours and
 * come with a refresh token that rotates: every refresh returns a new pair and retires the old.
 * Client credentials travel in the token request body; scopes are requested space-separated and
 * granted comma-separated.
 */
public final class GitHubProvider implements Provider {

    /** Which kind of GitHub token a connection holds: {@link #OAUTH_APP} or {@link #GITHUB_APP_USER}. */
    public static final String TOKEN_KIND = "token_kind";
    /** An OAuth App token: no expiry, no refresh. */
    public static final String OAUTH_APP = "oauth_app";
    /** A GitHub App user access token. */
    public static final String GITHUB_APP_USER = "github_app_user";
    /** When the refresh token stops working (ISO-8601 instant); after it only a new authorization helps. */
    public static final String REFRESH_TOKEN_EXPIRES_AT = "refresh_token_expires_at";

    private static final String REQUEST_SCOPE_SEPARATOR = " ";
    private static final String GRANTED_SCOPE_SEPARATOR = ",";
    private static final String USER_ACCESS_TOKEN_PREFIX = "ghu_";
    private static final String API_VERSION = "2022-11-28";
    private static final String USER_AGENT = "Latchkey";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String clientId;
    private final String clientSecret;
    private final GitHubEndpoints endpoints;
    private final OAuthHttp http;
    private final Clock clock;

    GitHubProvider(String clientId, String clientSecret, GitHubEndpoints endpoints, OAuthHttp http, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.endpoints = endpoints;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        requireClientId();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", request.redirectUri() == null ? null : request.redirectUri().toString());
        query.put("scope", request.scopes().isEmpty() ? null : String.join(REQUEST_SCOPE_SEPARATOR, request.scopes()));
        query.put("state", request.state());
        // GitHub has accepted PKCE since 2025-07-14, S256 only.
        if (request.codeChallenge() != null) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        return OAuthHttp.withQuery(endpoints.authorizeUrl(), query);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        requireClient();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("code", exchange.code());
        form.put("redirect_uri", exchange.redirectUri() == null ? null : exchange.redirectUri().toString());
        form.put("code_verifier", exchange.codeVerifier());
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, Map.of());
        GitHubErrors.raiseForTokenError(reply);
        return tokens(reply.body(), null, List.of(), Map.of());
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    "This GitHub token has no refresh token (OAuth App tokens do not expire)");
        }
        requireClient();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, Map.of());
        GitHubErrors.raiseForTokenError(reply);
        // Refresh rotates: the answer's refresh token replaces the one just used, which GitHub retires.
        return tokens(reply.body(), current.refreshToken(), current.grantedScopes(), current.extras());
    }

    /** Deletes this one token ("Delete an app token"); the user's other tokens for the app stay. */
    @Override
    public void revoke(TokenSet current) {
        OAuthHttp.Reply reply = http.send(applicationRequest("DELETE", endpoints.token(clientId), current));
        if (!GitHubErrors.tokenUnknown(reply)) {
            GitHubErrors.raiseForApiError(reply, clock.instant());
        }
    }

    /** Deletes the user's whole authorization of the app ("Delete an app authorization"): every token, from any site. */
    @Override
    public void revokeAccount(TokenSet current) {
        OAuthHttp.Reply reply = http.send(applicationRequest("DELETE", endpoints.grant(clientId), current));
        if (!GitHubErrors.tokenUnknown(reply)) {
            GitHubErrors.raiseForApiError(reply, clock.instant());
        }
    }

    /** "Check a token": 200 while it works, 404 once GitHub no longer knows it (revoked, expired, rotated). */
    @Override
    public void validate(TokenSet current) {
        OAuthHttp.Reply reply = http.send(applicationRequest("POST", endpoints.token(clientId), current));
        if (GitHubErrors.tokenUnknown(reply)) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT, "GitHub no longer knows this token");
        }
        GitHubErrors.raiseForApiError(reply, clock.instant());
    }

    @Override
    public Account account(TokenSet current) {
        HttpRequest request = api(endpoints.user())
                .header("Authorization", "Bearer " + current.accessToken())
                .GET()
                .build();
        OAuthHttp.Reply reply = http.send(request);
        GitHubErrors.raiseForApiError(reply, clock.instant());
        Json user = reply.body();
        String login = user.string("login");
        if (!user.isNumber("id") || login == null || login.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "GitHub user answer without id or login");
        }
        return new Account(String.valueOf(user.number("id")), login);
    }

    @Override
    public String toString() {
        return "GitHubProvider[clientId=" + clientId + ", tokenUrl=" + endpoints.tokenUrl()
                + ", apiUrl=" + endpoints.apiUrl() + "]";
    }

    /** A REST API request with the headers GitHub asks for; it rejects requests without a User-Agent. */
    private static HttpRequest.Builder api(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("User-Agent", USER_AGENT)
                .header("X-GitHub-Api-Version", API_VERSION);
    }

    /**
     * A request to the app's own endpoints under {@code /applications/{client_id}}: HTTP Basic
     * with the client credentials, the token in a JSON body (never in the URL, where logs keep it).
     */
    private HttpRequest applicationRequest(String method, URI uri, TokenSet current) {
        requireClient();
        return api(uri)
                .header("Authorization", OAuthHttp.basic(clientId, clientSecret))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(
                        Json.write(Map.of("access_token", current.accessToken()))))
                .build();
    }

    private TokenSet tokens(Json body, String previousRefreshToken, List<String> previousScopes,
                            Map<String, String> previousExtras) {
        Instant now = clock.instant();
        Map<String, String> extras = new HashMap<>(previousExtras);
        String accessToken = body.string("access_token", "");
        boolean appUser = body.has("refresh_token") || body.has("expires_in")
                || accessToken.startsWith(USER_ACCESS_TOKEN_PREFIX);
        extras.put(TOKEN_KIND, appUser ? GITHUB_APP_USER : OAUTH_APP);
        if (body.has("refresh_token_expires_in")) {
            extras.put(REFRESH_TOKEN_EXPIRES_AT, now.plusSeconds(body.number("refresh_token_expires_in")).toString());
        }
        return OAuthHttp.tokenSet(body, now, previousRefreshToken, previousScopes, GRANTED_SCOPE_SEPARATOR, extras);
    }

    private void requireClientId() {
        if (clientId.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    "GitHub is not configured: set latchkey.providers.github.client-id");
        }
    }

    private void requireClient() {
        requireClientId();
        if (clientSecret.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    "GitHub is not configured: set latchkey.providers.github.client-secret");
        }
    }
}
