package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import dev.latchkey.providers.Json;

/**
 * Salesforce's OAuth 2.0 web server flow with PKCE. Client credentials travel in the form
 * body; token responses carry no {@code expires_in}, so expiry is estimated from {@code
 * issued_at} and the configured session lifetime; {@code instance_url} and the identity URL are
 * kept in {@link TokenSet#extras()} and refreshed with the tokens.
 */
public final class SalesforceProvider implements Provider {

    /** Key in {@link TokenSet#extras()} of the org's API base URL. */
    public static final String INSTANCE_URL = SalesforceTokens.INSTANCE_URL;
    /** Key in {@link TokenSet#extras()} of the user's identity URL. */
    public static final String IDENTITY_URL = SalesforceTokens.IDENTITY_URL;

    private static final String SCOPE_SEPARATOR = " ";

    private final String clientId;
    private final String clientSecret;
    private final SalesforceEndpoints endpoints;
    private final Duration sessionLifetime;
    private final OAuthHttp http;
    private final Clock clock;

    SalesforceProvider(String clientId, String clientSecret, SalesforceEndpoints endpoints, Duration sessionLifetime,
                       OAuthHttp http, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.endpoints = endpoints;
        this.sessionLifetime = sessionLifetime;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", request.redirectUri() == null ? null : request.redirectUri().toString());
        query.put("scope", request.scopes().isEmpty() ? null : String.join(SCOPE_SEPARATOR, request.scopes()));
        query.put("state", request.state());
        if (request.codeChallenge() != null) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        return OAuthHttp.withQuery(endpoints.authorizeUrl(), query);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code());
        form.put("redirect_uri", exchange.redirectUri() == null ? null : exchange.redirectUri().toString());
        form.put("code_verifier", exchange.codeVerifier());
        putClientCredentials(form);
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, Map.of());
        SalesforceErrors.raiseForError(reply, exchange.code(), exchange.codeVerifier(), clientSecret);
        return SalesforceTokens.read(reply.body(), clock.instant(), sessionLifetime, null);
    }

    /**
     * Refreshes the access token. By default Salesforce sends no new refresh token (the old one
     * stays valid); with rotation enabled on the app it sends one and retires the old. Either way
     * the expiry estimate restarts from the new {@code issued_at}, and {@code instance_url} is
     * taken from the response.
     */
    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT,
                    "No Salesforce refresh token: reconnect with the refresh_token or offline_access scope");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        putClientCredentials(form);
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, Map.of());
        SalesforceErrors.raiseForError(reply, current.refreshToken(), current.accessToken(), clientSecret);
        return SalesforceTokens.read(reply.body(), clock.instant(), sessionLifetime, current);
    }

    /**
     * Revokes this connection's refresh token, which Salesforce documents as ending the access
     * tokens of that one approval (other connections of the same user keep theirs); without one,
     * the access token. Only Salesforce's specific 400 {@code invalid_token} answer (a token it no
     * longer knows) counts as already revoked, and then the access token is tried too, in case it
     * outlived its refresh token; any other refusal (401, 403, {@code unsupported_token_type}) throws.
     */
    @Override
    public void revoke(TokenSet current) {
        Set<String> candidates = new LinkedHashSet<>();
        Stream.of(current.refreshToken(), current.accessToken())
                .filter(token -> token != null && !token.isEmpty()).forEach(candidates::add);
        for (String token : candidates) {
            OAuthHttp.Reply reply = http.postForm(endpoints.revokeUrl(), Map.of("token", token), Map.of());
            if (SalesforceErrors.alreadyRevoked(reply)) {
                continue;
            }
            SalesforceErrors.raiseForError(reply, current.refreshToken(), current.accessToken(), clientSecret);
            return;
        }
    }

    /**
     * Reads the user from the identity URL of the token response, or else from the OpenID
     * Connect userinfo endpoint of the instance (or of the login host), with the access token.
     */
    @Override
    public Account account(TokenSet current) {
        OAuthHttp.Reply reply = http.get(identityEndpoint(current),
                Map.of("Authorization", "Bearer " + current.accessToken()));
        SalesforceErrors.raiseForError(reply, current.accessToken(), current.refreshToken(), clientSecret);
        Json body = reply.body();
        String userId = firstPresent(body, "user_id");
        if (userId == null) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "Salesforce identity answer without user_id");
        }
        String name = firstPresent(body, "username", "preferred_username", "display_name", "name", "email");
        return new Account(userId, name == null ? userId : name);
    }

    @Override
    public String toString() {
        return "SalesforceProvider[clientId=" + clientId + ", loginUrl=" + endpoints.loginUrl() + "]";
    }

    URI identityEndpoint(TokenSet current) {
        String identity = current.extra(IDENTITY_URL);
        if (identity != null && endpoints.mayReceiveToken(identity)) {
            return URI.create(identity);
        }
        String instance = current.extra(INSTANCE_URL);
        if (instance != null && endpoints.mayReceiveToken(instance)) {
            return SalesforceEndpoints.userinfo(instance);
        }
        return SalesforceEndpoints.userinfo(endpoints.loginUrl());
    }

    /** Public clients (no secret configured) must not send one; confidential clients send it in the body. */
    private void putClientCredentials(Map<String, String> form) {
        form.put("client_id", clientId);
        if (!clientSecret.isEmpty()) {
            form.put("client_secret", clientSecret);
        }
    }

    private static String firstPresent(Json body, String... keys) {
        for (String key : keys) {
            String value = body.string(key, "");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
