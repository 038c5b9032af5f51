package dev.latchkey.providers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard OAuth 2.0 provider (RFC 6749 authorization code grant, RFC 7636 PKCE, RFC 7009
 * revocation), driven by an {@link OAuthProfile}. A provider that follows the standard needs
 * nothing else; one with quirks overrides the protected hooks: {@link #raiseForTokenError},
 * {@link #raiseForApiError}, {@link #readTokens}, {@link #tokenExtras}, {@link #readAccount},
 * {@link #accountRequest}, {@link #extraAuthorizationParameters}, {@link #authenticateClient}.
 * Every endpoint is overridable in the configuration ({@code authorize-url}, {@code token-url},
 * {@code revocation-url}, {@code account-url}) so tests can use a local fake.
 */
public class OAuthProvider implements Provider {

    protected final OAuthProfile profile;
    protected final ProviderConfig config;
    protected final OAuthHttp http;
    protected final Clock clock;

    public OAuthProvider(OAuthProfile profile, ProviderConfig config, HttpClient http) {
        this(profile, config, new OAuthHttp(http), Clock.systemUTC());
    }

    public OAuthProvider(OAuthProfile profile, ProviderConfig config, OAuthHttp http, Clock clock) {
        this.profile = profile;
        this.config = config;
        this.http = http;
        this.clock = clock;
        // Bad URL settings fail at startup, not at the first connection.
        config.get(OAuthProfile.AUTHORIZE_URL).ifPresent(URI::create);
        config.get(OAuthProfile.TOKEN_URL).ifPresent(URI::create);
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        requireClientId();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("redirect_uri", request.redirectUri() == null ? null : request.redirectUri().toString());
        query.put("scope", request.scopes().isEmpty() ? null : String.join(profile.scopeSeparator(), request.scopes()));
        query.put("state", request.state());
        if (profile.pkce() && request.codeChallenge() != null) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        query.putAll(profile.authorizationParameters());
        query.putAll(extraAuthorizationParameters(request));
        return OAuthHttp.withQuery(authorizationEndpoint(), query);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code());
        form.put("redirect_uri", exchange.redirectUri() == null ? null : exchange.redirectUri().toString());
        form.put("code_verifier", exchange.codeVerifier());
        OAuthHttp.Reply reply = postToTokenEndpoint(form);
        return readTokens(reply.body(), null);
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    profile.displayName() + " gave this connection no refresh token");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        OAuthHttp.Reply reply = postToTokenEndpoint(form);
        return readTokens(reply.body(), current);
    }

    /**
     * RFC 7009: posts the refresh token (or, without one, the access token) to the revocation
     * endpoint; revoking the refresh token ends the grant's access tokens too. The standard
     * answers 200 also for a token it no longer knows.
     */
    @Override
    public void revoke(TokenSet current) {
        String url = revocationEndpoint();
        if (url == null) {
            throw new UnsupportedOperationException(profile.displayName() + " has no revocation endpoint");
        }
        requireClient();
        Map<String, String> form = new LinkedHashMap<>();
        boolean refresh = current.refreshToken() != null;
        form.put("token", refresh ? current.refreshToken() : current.accessToken());
        form.put("token_type_hint", refresh ? "refresh_token" : "access_token");
        Map<String, String> headers = new LinkedHashMap<>();
        authenticateClient(form, headers);
        raiseForTokenError(http.postForm(URI.create(url), form, headers));
    }

    @Override
    public Account account(TokenSet current) {
        String url = accountEndpoint();
        if (url == null) {
            throw new UnsupportedOperationException(profile.displayName() + " has no account URL: override account()");
        }
        OAuthHttp.Reply reply = http.send(accountRequest(URI.create(url), current).build());
        raiseForApiError(reply);
        return readAccount(reply.body(), current);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + profile.id() + ", clientId=" + config.clientId()
                + ", tokenUrl=" + tokenEndpoint() + "]";
    }

    // ---- hooks ---------------------------------------------------------------------------

    /** Query parameters added to the authorization URL for this request (none by default). */
    protected Map<String, String> extraAuthorizationParameters(AuthorizationRequest request) {
        return Map.of();
    }

    /**
     * Puts the client credentials where the profile says: an HTTP Basic header, or
     * {@code client_id} and {@code client_secret} in the form.
     */
    protected void authenticateClient(Map<String, String> form, Map<String, String> headers) {
        if (profile.clientAuthentication() == ClientAuthentication.BASIC) {
            headers.put("Authorization", OAuthHttp.basic(config.clientId(), config.clientSecret()));
        } else {
            form.put("client_id", config.clientId());
            form.put("client_secret", config.clientSecret());
        }
    }

    /** Maps a token- or revocation-endpoint failure; the standard mapping by default ({@link OAuthHttp#raiseForError}). */
    protected void raiseForTokenError(OAuthHttp.Reply reply) {
        OAuthHttp.raiseForError(reply);
    }

    /** Maps a failure of an API call (the account read); the standard mapping by default. */
    protected void raiseForApiError(OAuthHttp.Reply reply) {
        OAuthHttp.raiseForError(reply);
    }

    /**
     * Reads a token response (RFC 6749 §5.1). {@code previous} is null for a code exchange and the
     * current tokens for a refresh: without a new {@code refresh_token} the current one is kept,
     * without a {@code scope} the current scopes.
     */
    protected TokenSet readTokens(Json body, TokenSet previous) {
        return OAuthHttp.tokenSet(body, clock.instant(),
                previous == null ? null : previous.refreshToken(),
                previous == null ? List.of() : previous.grantedScopes(),
                profile.grantedScopeSeparator(),
                tokenExtras(body, previous == null ? Map.of() : previous.extras()));
    }

    /** The non-secret facts to keep with the tokens; the previous ones by default. */
    protected Map<String, String> tokenExtras(Json body, Map<String, String> previous) {
        return previous;
    }

    /** The account request: a GET with the access token as a bearer token. */
    protected HttpRequest.Builder accountRequest(URI uri, TokenSet current) {
        return HttpRequest.newBuilder(uri).timeout(OAuthHttp.TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + current.accessToken())
                .GET();
    }

    /** Reads the account with the profile's id and name pointers; the name falls back to the id. */
    protected Account readAccount(Json body, TokenSet current) {
        String id = body.at(profile.accountId());
        if (id == null || id.isBlank()) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    profile.displayName() + " answered the account without " + profile.accountId());
        }
        String name = profile.accountName() == null ? null : body.at(profile.accountName());
        return new Account(id, name == null || name.isBlank() ? id : name);
    }

    // ---- helpers for subclasses ----------------------------------------------------------

    /** Posts a grant to the token endpoint with the client's credentials and maps its failures. */
    protected OAuthHttp.Reply postToTokenEndpoint(Map<String, String> grant) {
        requireClient();
        Map<String, String> form = new LinkedHashMap<>(grant);
        Map<String, String> headers = new LinkedHashMap<>();
        authenticateClient(form, headers);
        OAuthHttp.Reply reply = http.postForm(URI.create(tokenEndpoint()), form, headers);
        raiseForTokenError(reply);
        return reply;
    }

    protected String authorizationEndpoint() {
        return config.get(OAuthProfile.AUTHORIZE_URL, profile.authorizationUrl());
    }

    protected String tokenEndpoint() {
        return config.get(OAuthProfile.TOKEN_URL, profile.tokenUrl());
    }

    /** The revocation URL, or null when there is none. */
    protected String revocationEndpoint() {
        return config.get(OAuthProfile.REVOCATION_URL).orElse(profile.revocationUrl());
    }

    /** The account URL, or null when there is none. */
    protected String accountEndpoint() {
        return config.get(OAuthProfile.ACCOUNT_URL).orElse(profile.accountUrl());
    }

    /** Refuses clearly when no client id is configured: every authorization URL names the client. */
    protected void requireClientId() {
        if (config.clientId().isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED, profile.displayName()
                    + " is not configured: set latchkey.providers." + profile.id() + "." + ProviderConfig.CLIENT_ID);
        }
    }

    /** Refuses clearly when the client id or secret is missing. */
    protected void requireClient() {
        requireClientId();
        if (config.clientSecret().isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED, profile.displayName()
                    + " is not configured: set latchkey.providers." + profile.id() + "." + ProviderConfig.CLIENT_SECRET);
        }
    }
}
