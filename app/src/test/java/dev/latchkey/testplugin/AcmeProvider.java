package dev.latchkey.testplugin;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Standard RFC 6749 authorization code + PKCE, refresh with rotation, RFC 7009 revocation. */
class AcmeProvider implements Provider {

    private final ProviderConfig config;
    private final OAuthHttp http;
    private final String base;

    AcmeProvider(ProviderConfig config, HttpClient client) {
        this.config = config;
        this.http = new OAuthHttp(client);
        this.base = config.get("base-url", "http://127.0.0.1:9");
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("redirect_uri", request.redirectUri().toString());
        query.put("scope", String.join(" ", request.scopes()));
        query.put("state", request.state());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", "S256");
        return OAuthHttp.withQuery(base + "/authorize", query);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code());
        form.put("redirect_uri", exchange.redirectUri().toString());
        form.put("code_verifier", exchange.codeVerifier());
        return token(form, null);
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", current.refreshToken()),
                current.refreshToken());
    }

    @Override
    public void revoke(TokenSet current) {
        var reply = http.postForm(URI.create(base + "/revoke"), Map.of("token", current.refreshToken() == null
                ? current.accessToken() : current.refreshToken()), clientAuth());
        OAuthHttp.raiseForError(reply);
    }

    @Override
    public Account account(TokenSet current) {
        var reply = http.get(URI.create(base + "/me"), Map.of("Authorization", "Bearer " + current.accessToken()));
        OAuthHttp.raiseForError(reply);
        return new Account(reply.body().string("id", ""), reply.body().string("name", ""));
    }

    private TokenSet token(Map<String, String> form, String previousRefresh) {
        var reply = http.postForm(URI.create(base + "/token"), form, clientAuth());
        OAuthHttp.raiseForError(reply);
        return OAuthHttp.tokenSet(reply.body(), Instant.now(), previousRefresh, java.util.List.of(), " ", Map.of());
    }

    private Map<String, String> clientAuth() {
        return Map.of("Authorization", OAuthHttp.basic(config.clientId(), config.clientSecret()));
    }
}
