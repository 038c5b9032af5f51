package dev.latchkey.providers.github;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.Json;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ProviderException.Reason;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * GitHub's quirks on top of the standard: token-endpoint errors arrive as HTTP 200 with an
 * {@code error} member; the REST API wants its own headers and signals rate limits with 403;
 * the account id is a number; a token's kind (OAuth App or GitHub App user token) is kept in
 * {@link TokenSet#extras()}; tokens are revoked and checked at the app's own
 * {@code /applications/{client_id}/…} endpoints, not by RFC 7009.
 */
public final class GitHubProvider extends OAuthProvider {

    /** Which kind of GitHub token a connection holds: {@link #OAUTH_APP} or {@link #GITHUB_APP_USER}. */
    public static final String TOKEN_KIND = "token_kind";
    /** An OAuth App token: no expiry, no refresh. */
    public static final String OAUTH_APP = "oauth_app";
    /** A GitHub App user access token. */
    public static final String GITHUB_APP_USER = "github_app_user";
    /** When the refresh token stops working (ISO-8601 instant); after it only a new authorization helps. */
    public static final String REFRESH_TOKEN_EXPIRES_AT = "refresh_token_expires_at";

    /** Token-endpoint errors after which only a new authorization helps. */
    private static final Set<String> GRANT_GONE = Set.of("bad_verification_code", "bad_refresh_token", "invalid_grant");

    GitHubProvider(ProviderConfig config, OAuthHttp http, Clock clock) {
        super(GitHubProviderFactory.PROFILE, config, http, clock);
    }

    /** "Delete an app token": this one token; the user's other tokens for the app stay. */
    @Override
    public void revoke(TokenSet current) {
        application("DELETE", "token", current, false);
    }

    /** "Delete an app authorization": every token of the user for the app, from any site. */
    @Override
    public void revokeAccount(TokenSet current) {
        application("DELETE", "grant", current, false);
    }

    /** "Check a token": 200 while it works, 404 once GitHub no longer knows it. */
    @Override
    public void validate(TokenSet current) {
        application("POST", "token", current, true);
    }

    /** The token endpoint answers its OAuth errors with HTTP 200 and an {@code error} member: the body decides. */
    @Override
    protected void raiseForTokenError(OAuthHttp.Reply reply) {
        String error = reply.body().string("error");
        if (reply.status() < 300 && error != null) {
            String description = reply.body().string("error_description");
            throw new ProviderException(GRANT_GONE.contains(error) ? Reason.INVALID_GRANT : Reason.REJECTED,
                    "GitHub token endpoint answered " + error + (description == null ? "" : ": " + description));
        }
        super.raiseForTokenError(reply);
    }

    /**
     * An exhausted API rate limit is 403 or 429 with {@code Retry-After} (secondary limits) or
     * {@code X-RateLimit-Remaining: 0} and the reset instant in {@code X-RateLimit-Reset} (primary).
     */
    @Override
    protected void raiseForApiError(OAuthHttp.Reply reply) {
        Duration retryAfter = OAuthHttp.retryAfter(reply);
        boolean exhausted = reply.header("X-RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent();
        if ((reply.status() == 403 || reply.status() == 429) && (retryAfter != null || exhausted)) {
            if (retryAfter == null) {
                Long reset = Json.of(Map.of("reset", reply.header("X-RateLimit-Reset").orElse(""))).number("reset");
                retryAfter = reset == null ? null : Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
            }
            throw new ProviderException(Reason.RATE_LIMITED, "GitHub API rate limit reached",
                    retryAfter == null || retryAfter.isNegative() ? null : retryAfter, null);
        }
        super.raiseForApiError(reply);
    }

    @Override
    protected HttpRequest.Builder accountRequest(URI uri, TokenSet current) {
        return api(super.accountRequest(uri, current));
    }

    @Override
    protected Account readAccount(Json user, TokenSet current) {
        String login = user.string("login");
        if (!user.isNumber("id") || login == null || login.isEmpty()) {
            throw new ProviderException(Reason.REJECTED, "GitHub user answer without id or login");
        }
        return new Account(String.valueOf(user.number("id")), login);
    }

    @Override
    protected Map<String, String> tokenExtras(Json body, Map<String, String> previous) {
        Map<String, String> extras = new HashMap<>(previous);
        boolean appUser = body.has("refresh_token") || body.has("expires_in")
                || body.string("access_token", "").startsWith("ghu_");
        extras.put(TOKEN_KIND, appUser ? GITHUB_APP_USER : OAUTH_APP);
        Long refreshExpiresIn = body.number("refresh_token_expires_in");
        if (refreshExpiresIn != null) {
            extras.put(REFRESH_TOKEN_EXPIRES_AT, clock.instant().plusSeconds(refreshExpiresIn).toString());
        }
        return extras;
    }

    @Override
    protected String accountEndpoint() {
        return config.get(GitHubProviderFactory.API_URL).map(api -> apiUrl() + "/user").orElseGet(super::accountEndpoint);
    }

    private String apiUrl() {
        return config.get(GitHubProviderFactory.API_URL, GitHubProviderFactory.DEFAULT_API_URL).replaceAll("/+$", "");
    }

    /** The REST API's headers; GitHub rejects requests without a User-Agent. */
    private static HttpRequest.Builder api(HttpRequest.Builder request) {
        return request.setHeader("Accept", "application/vnd.github+json").setHeader("User-Agent", "Latchkey")
                .setHeader("X-GitHub-Api-Version", "2022-11-28");
    }

    /**
     * A call to {@code /applications/{client_id}/token|grant}: HTTP Basic with the client
     * credentials, the token in a JSON body (never in the URL, where logs keep it). A 404 means
     * GitHub no longer knows the token: fine for a deletion, a gone grant for a check.
     */
    private void application(String method, String resource, TokenSet current, boolean check) {
        requireClient();
        String client = URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest request = api(HttpRequest.newBuilder(URI.create(apiUrl() + "/applications/" + client + "/" + resource)))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", OAuthHttp.basic(config.clientId(), config.clientSecret()))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(Map.of("access_token", current.accessToken()))))
                .build();
        OAuthHttp.Reply reply = http.send(request);
        if (reply.status() == 404) {
            if (check) {
                throw new ProviderException(Reason.INVALID_GRANT, "GitHub no longer knows this token");
            }
            return;
        }
        raiseForApiError(reply);
    }
}
