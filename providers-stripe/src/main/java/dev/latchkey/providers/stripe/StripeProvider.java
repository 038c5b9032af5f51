package dev.latchkey.providers.stripe;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.latchkey.providers.Json;

/**
 * Stripe Connect OAuth for Standard accounts. The platform's secret API key is the client
 * secret; the connected account is identified by {@code stripe_user_id}, which every later call
 * (account lookup, deauthorize) needs and which is therefore kept in {@link TokenSet#extras()}.
 * Connect access tokens carry no {@code expires_in}, so {@code expiresAt} stays null.
 */
public final class StripeProvider implements Provider {

    /** The connected account's id ({@code acct_…}). */
    public static final String STRIPE_USER_ID = "stripe_user_id";
    /** "true" when the connection was made with a live key, "false" for test mode. */
    public static final String LIVEMODE = "livemode";
    /** The connected account's publishable key (public by design). */
    public static final String PUBLISHABLE_KEY = "stripe_publishable_key";

    private static final String SCOPE_SEPARATOR = " ";

    private final String clientId;
    private final String secretKey;
    private final StripeEndpoints endpoints;
    private final OAuthHttp http;
    private final Clock clock;

    StripeProvider(String clientId, String secretKey, StripeEndpoints endpoints, OAuthHttp http, Clock clock) {
        this.clientId = clientId;
        this.secretKey = secretKey;
        this.endpoints = endpoints;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        // No PKCE at Stripe Connect: a code challenge, if any, is not sent.
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("scope", StripeScopes.single(request.scopes()));
        query.put("redirect_uri", request.redirectUri() == null ? null : request.redirectUri().toString());
        query.put("state", request.state());
        return OAuthHttp.withQuery(endpoints.authorizeUrl(), query);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        // The token endpoint takes neither redirect_uri nor a PKCE verifier; the platform secret key
        // authenticates in the body (client_secret), as in Stripe's own examples.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code());
        form.put("client_secret", secretKey);
        // Exactly one attempt, never retried here after a network error or a 5xx: Stripe's code
        // exchange is not idempotent, and presenting a code a second time revokes the connection
        // and every token issued for it. The JDK client does not resend POSTs on its own either.
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, Map.of());
        StripeErrors.raiseForError(reply, exchange.code(), secretKey);
        return tokens(reply.body(), null, List.of(), Map.of());
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    "No Stripe refresh token: Stripe only issues one with the first code exchange");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        form.put("client_secret", secretKey);
        OAuthHttp.Reply reply = http.postForm(endpoints.tokenUrl(), form, Map.of());
        StripeErrors.raiseForError(reply, current.refreshToken(), current.accessToken(), secretKey);
        return tokens(reply.body(), current.refreshToken(), current.grantedScopes(), current.extras());
    }

    /**
     * Stripe cannot revoke one connection's tokens: its only revocation, deauthorize, disconnects
     * the whole account from the platform ({@link #revokeAccount}).
     */
    @Override
    public void revoke(TokenSet current) {
        throw new UnsupportedOperationException("Stripe cannot revoke a single connection's tokens, only the whole account");
    }

    /**
     * Disconnects the account from the platform: Stripe's deauthorize with {@code client_id}
     * and {@code stripe_user_id}, authenticated with the platform key. Only Stripe's "not
     * connected to that account" answer counts as already done; a refused platform key does not.
     */
    @Override
    public void revokeAccount(TokenSet current) {
        String accountId = requireAccountId(current);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put(STRIPE_USER_ID, accountId);
        OAuthHttp.Reply reply = http.postForm(endpoints.deauthorizeUrl(), form, platformAuthorization());
        if (StripeErrors.notConnected(reply)) {
            return;
        }
        StripeErrors.raiseForError(reply, current.accessToken(), current.refreshToken(), secretKey);
    }

    /**
     * Asks whether the platform can still act for the account: the same account lookup as
     * {@link #account}. Stripe's {@code account_invalid} answer (the platform no longer has
     * access to that account) means the account disconnected the app: {@code INVALID_GRANT}.
     */
    @Override
    public void validate(TokenSet current) {
        OAuthHttp.Reply reply = lookUpAccount(current);
        if (StripeErrors.accountNotAccessible(reply)) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT,
                    "The platform no longer has access to this Stripe account");
        }
        StripeErrors.raiseForError(reply, current.accessToken(), current.refreshToken(), secretKey);
    }

    /**
     * Reads the connected account with the platform key and {@code Stripe-Account}, the way
     * Stripe recommends acting for a connected account (its OAuth access tokens are deprecated).
     */
    @Override
    public Account account(TokenSet current) {
        OAuthHttp.Reply reply = lookUpAccount(current);
        StripeErrors.raiseForError(reply, current.accessToken(), current.refreshToken(), secretKey);
        Json body = reply.body();
        String id = body.string("id", current.extra(STRIPE_USER_ID));
        return new Account(id, readableName(body, id));
    }

    @Override
    public String toString() {
        return "StripeProvider[clientId=" + clientId + ", tokenUrl=" + endpoints.tokenUrl() + "]";
    }

    private TokenSet tokens(Json body, String previousRefreshToken, List<String> previousScopes,
                            Map<String, String> previousExtras) {
        Map<String, String> extras = new HashMap<>(previousExtras);
        copyExtra(body, STRIPE_USER_ID, extras);
        copyExtra(body, LIVEMODE, extras);
        copyExtra(body, PUBLISHABLE_KEY, extras);
        if (!extras.containsKey(STRIPE_USER_ID)) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "Stripe token response without stripe_user_id");
        }
        return OAuthHttp.tokenSet(body, clock.instant(), previousRefreshToken, previousScopes, SCOPE_SEPARATOR, extras);
    }

    private static void copyExtra(Json body, String key, Map<String, String> extras) {
        if (body.has(key)) {
            extras.put(key, body.string(key));
        }
    }

    private OAuthHttp.Reply lookUpAccount(TokenSet current) {
        Map<String, String> headers = new HashMap<>(platformAuthorization());
        headers.put("Stripe-Account", requireAccountId(current));
        return http.get(endpoints.account(), headers);
    }

    private static String requireAccountId(TokenSet current) {
        String accountId = current.extra(STRIPE_USER_ID);
        if (accountId == null || accountId.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.REJECTED, "Connection has no stripe_user_id");
        }
        return accountId;
    }

    /** Stripe SDKs send the secret key as a bearer token to both connect.stripe.com and the API. */
    private Map<String, String> platformAuthorization() {
        return Map.of("Authorization", "Bearer " + secretKey);
    }

    /** The name the account shows its customers, else its dashboard name, else its email, else its id. */
    private static String readableName(Json account, String id) {
        Json profile = (account.isObject("business_profile") ? account.object("business_profile") : null);
        Json settings = (account.isObject("settings") ? account.object("settings") : null);
        Json dashboard = settings == null ? null : (settings.isObject("dashboard") ? settings.object("dashboard") : null);
        for (String candidate : new String[] {
                profile == null ? null : profile.string("name"),
                dashboard == null ? null : dashboard.string("display_name"),
                account.string("email")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return id;
    }
}
