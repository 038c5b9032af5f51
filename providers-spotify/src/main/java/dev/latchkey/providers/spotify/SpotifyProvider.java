package dev.latchkey.providers.spotify;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.latchkey.providers.Json;

/**
 * Spotify's authorization code flow with PKCE (S256) for the Web API. Access tokens last an
 * hour; a refresh may or may not rotate the refresh token, and the old one is kept when no new
 * one comes. Spotify has no revocation endpoint: users disconnect apps in their account
 * settings, so {@link #revoke} is unsupported.
 *
 * <p>Refresh tokens expire six months after the user's original authorization, and refreshing
 * does not extend that; the instant of that authorization is kept in {@link TokenSet#extras()}
 * under {@link #AUTHORIZED_AT} and carried through every refresh.
 */
public final class SpotifyProvider implements Provider {

    /** When the user authorized (ISO-8601 instant); the refresh token dies six months later. */
    public static final String AUTHORIZED_AT = "authorized_at";

    private final SpotifyClient client;
    private final SpotifyEndpoints endpoints;
    private final OAuthHttp http;
    private final Clock clock;

    SpotifyProvider(SpotifyClient client, SpotifyEndpoints endpoints, OAuthHttp http, Clock clock) {
        this.client = client;
        this.endpoints = endpoints;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", client.id());
        query.put("response_type", "code");
        // Spotify compares redirect_uri exactly (case, trailing slash) with the registered one.
        query.put("redirect_uri", request.redirectUri() == null ? null : request.redirectUri().toString());
        query.put("state", request.state());
        query.put("scope", request.scopes().isEmpty() ? null : String.join(SpotifyScopes.SEPARATOR, request.scopes()));
        if (request.codeChallenge() != null) {
            query.put("code_challenge_method", "S256");
            query.put("code_challenge", request.codeChallenge());
        }
        return OAuthHttp.withQuery(endpoints.authorizeUrl(), query);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        if (!client.confidential() && exchange.codeVerifier() == null) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    "Spotify needs a client secret, or PKCE, to exchange a code");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code());
        form.put("redirect_uri", exchange.redirectUri() == null ? null : exchange.redirectUri().toString());
        form.put("code_verifier", exchange.codeVerifier());
        Map<String, String> headers = new HashMap<>();
        client.authenticate(form, headers);
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, headers);
        SpotifyErrors.raiseForError(reply, exchange.code(), exchange.codeVerifier(), client.secret());
        Instant now = clock.instant();
        return OAuthHttp.tokenSet(reply.body(), now, null, List.of(), SpotifyScopes.SEPARATOR,
                Map.of(AUTHORIZED_AT, now.toString()));
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT,
                    "No Spotify refresh token to refresh with: authorize again");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        Map<String, String> headers = new HashMap<>();
        client.authenticate(form, headers);
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, headers);
        // An expired (six months), revoked or unknown refresh token is invalid_grant: re-authorize.
        SpotifyErrors.raiseForError(reply, current.refreshToken(), current.accessToken(), client.secret());
        return OAuthHttp.tokenSet(reply.body(), clock.instant(), current.refreshToken(), current.grantedScopes(),
                SpotifyScopes.SEPARATOR, current.extras());
    }

    /**
     * Spotify's Web API cannot revoke a grant; users remove apps at spotify.com/account/apps.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void revoke(TokenSet current) {
        throw new UnsupportedOperationException(
                "Spotify has no revocation endpoint; the user removes the app at https://www.spotify.com/account/apps/");
    }

    /** {@code GET /v1/me}: the Spotify user id and display name (the id when the user has none). */
    @Override
    public Account account(TokenSet current) {
        OAuthHttp.Reply reply = http.get(endpoints.me(), Map.of("Authorization", "Bearer " + current.accessToken()));
        SpotifyErrors.raiseForError(reply, current.accessToken(), current.refreshToken(), client.secret());
        Json me = reply.body();
        String id = me.string("id");
        if (id == null || id.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "Spotify profile without an id");
        }
        String name = me.string("display_name");
        return new Account(id, name == null || name.isBlank() ? id : name);
    }

    @Override
    public String toString() {
        return "SpotifyProvider[" + client + ", tokenUrl=" + endpoints.tokenUrl() + "]";
    }
}
