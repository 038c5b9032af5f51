package dev.latchkey.providers.stripe;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.Json;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ProviderException.Reason;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stripe's quirks on top of the standard: one scope value; the platform's secret key is the only
 * client credential (in the body at the token endpoint, a bearer token elsewhere); the connected
 * account ({@code stripe_user_id}, kept in {@link TokenSet#extras()}) is read and disconnected with
 * the platform key; disconnecting is the whole account ("deauthorize"); Stripe echoes credentials
 * in error descriptions, so anything shaped like a Stripe secret is removed from messages.
 */
public final class StripeProvider extends OAuthProvider {

    /** The connected account's id ({@code acct_…}). */
    public static final String STRIPE_USER_ID = "stripe_user_id";
    /** "true" when the connection was made with a live key, "false" for test mode. */
    public static final String LIVEMODE = "livemode";
    /** The connected account's publishable key (public by design). */
    public static final String PUBLISHABLE_KEY = "stripe_publishable_key";

    /** Stripe's secret-bearing ids: secret and restricted keys, authorization codes, refresh tokens. */
    private static final Pattern STRIPE_SECRET = Pattern.compile("\\b(?:sk|rk|ac|rt)_[A-Za-z0-9_*]+");
    private static final Pattern NOT_CONNECTED = Pattern.compile("not connected to stripe account", Pattern.CASE_INSENSITIVE);

    StripeProvider(ProviderConfig config, OAuthHttp http, Clock clock) {
        super(StripeProviderFactory.PROFILE, config, http, clock);
    }

    /** No PKCE at Stripe Connect, and exactly one scope: when both are asked for, the wider read_write. */
    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        List<String> scopes = request.scopes().isEmpty() ? profile.defaultScopes() : request.scopes();
        scopes.stream().filter(s -> !s.equals(StripeProviderFactory.READ_WRITE) && !s.equals(StripeProviderFactory.READ_ONLY))
                .findFirst().ifPresent(s -> {
                    throw new ProviderException(Reason.REJECTED, "Unknown Stripe scope '" + s + "'; Stripe offers "
                            + StripeProviderFactory.READ_WRITE + " and " + StripeProviderFactory.READ_ONLY);
                });
        String single = scopes.contains(StripeProviderFactory.READ_WRITE) ? StripeProviderFactory.READ_WRITE : StripeProviderFactory.READ_ONLY;
        return super.authorizationUrl(new AuthorizationRequest(request.state(), request.redirectUri(), List.of(single), null));
    }

    /** Deauthorize; only Stripe's "not connected to that account" answer counts as already done. */
    @Override
    public void revokeAccount(TokenSet current) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put(STRIPE_USER_ID, accountId(current));
        OAuthHttp.Reply reply = http.postForm(URI.create(config.get(StripeProviderFactory.DEAUTHORIZE_URL,
                "https://connect.stripe.com/oauth/deauthorize")), form, Map.of("Authorization", "Bearer " + config.clientSecret()));
        if (reply.status() == 401 && "invalid_client".equals(reply.body().string("error"))
                && NOT_CONNECTED.matcher(reply.body().string("error_description", "")).find()) {
            return;
        }
        raiseForApiError(reply);
    }

    /** The account lookup; {@code account_invalid} (401/403) means the account disconnected the platform. */
    @Override
    public void validate(TokenSet current) {
        OAuthHttp.Reply reply = http.send(accountRequest(URI.create(accountEndpoint()), current).build());
        if ((reply.status() == 401 || reply.status() == 403) && "account_invalid".equals(OAuthHttp.errorCode(reply.body()))) {
            throw new ProviderException(Reason.INVALID_GRANT, "The platform no longer has access to this Stripe account");
        }
        raiseForApiError(reply);
    }

    /** The token endpoint takes the platform key as {@code client_secret}, and no redirect_uri or verifier. */
    @Override
    protected OAuthHttp.Reply postToTokenEndpoint(Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.remove("redirect_uri");
        form.remove("code_verifier");
        return super.postToTokenEndpoint(form);
    }

    @Override
    protected void authenticateClient(Map<String, String> form, Map<String, String> headers) {
        form.put("client_secret", config.clientSecret());
    }

    @Override
    protected void raiseForTokenError(OAuthHttp.Reply reply) {
        raiseForApiError(reply);
    }

    @Override
    protected void raiseForApiError(OAuthHttp.Reply reply) {
        try {
            OAuthHttp.raiseForError(reply);
        } catch (ProviderException e) {
            throw new ProviderException(e.reason(), STRIPE_SECRET.matcher(e.getMessage()).replaceAll("[redacted]"),
                    e.retryAfter(), null);
        }
    }

    @Override
    protected Map<String, String> tokenExtras(Json body, Map<String, String> previous) {
        Map<String, String> extras = new HashMap<>(previous);
        Stream.of(STRIPE_USER_ID, LIVEMODE, PUBLISHABLE_KEY).filter(body::has).forEach(k -> extras.put(k, body.string(k)));
        if (!extras.containsKey(STRIPE_USER_ID)) {
            throw new ProviderException(Reason.REJECTED, "Stripe token response without stripe_user_id");
        }
        return extras;
    }

    /** The connected account, read with the platform key on behalf of {@code Stripe-Account}. */
    @Override
    protected HttpRequest.Builder accountRequest(URI uri, TokenSet current) {
        return super.accountRequest(uri, current).setHeader("Authorization", "Bearer " + config.clientSecret())
                .header("Stripe-Account", accountId(current));
    }

    /** The name the account shows its customers, else its dashboard name, else its email, else its id. */
    @Override
    protected Account readAccount(Json account, TokenSet current) {
        String id = account.string("id", current.extra(STRIPE_USER_ID));
        String name = Stream.of(account.at("/business_profile/name"), account.at("/settings/dashboard/display_name"),
                account.string("email")).filter(n -> n != null && !n.isBlank()).findFirst().orElse(id);
        return new Account(id, name);
    }

    @Override
    protected String accountEndpoint() {
        return config.get(StripeProviderFactory.API_URL).map(api -> api.replaceAll("/+$", "") + "/v1/account")
                .orElseGet(super::accountEndpoint);
    }

    private static String accountId(TokenSet current) {
        String accountId = current.extra(STRIPE_USER_ID);
        if (accountId == null || accountId.isEmpty()) {
            throw new ProviderException(Reason.REJECTED, "Connection has no stripe_user_id");
        }
        return accountId;
    }
}
