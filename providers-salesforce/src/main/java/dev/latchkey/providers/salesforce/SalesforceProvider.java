package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.Account;
import dev.latchkey.providers.Json;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ProviderException.Reason;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Salesforce's quirks on top of the standard: endpoints under a login host (production, sandbox or
 * a My Domain); a public client sends no secret; token responses carry no {@code expires_in}, so
 * expiry is {@code issued_at} plus the org's session lifetime; {@code instance_url} and the identity
 * URL are kept in {@link TokenSet#extras()} and updated on refresh; too many logins are 400
 * {@code rate_limit_exceeded}; revoking a token Salesforce no longer knows is 400 {@code invalid_token}.
 */
public final class SalesforceProvider extends OAuthProvider {

    /** Key in {@link TokenSet#extras()} of the org's API base URL; it can move, so every refresh updates it. */
    public static final String INSTANCE_URL = "instance_url";
    /** Key in {@link TokenSet#extras()} of the user's identity URL ({@code …/id/{orgId}/{userId}}). */
    public static final String IDENTITY_URL = "id";
    private static final List<String> KEPT = List.of(INSTANCE_URL, IDENTITY_URL, "sfdc_community_url", "sfdc_community_id");

    private final String login;
    private final Duration sessionLifetime;

    SalesforceProvider(ProviderConfig config, OAuthHttp http, Clock clock) {
        super(SalesforceProviderFactory.PROFILE, config, http, clock);
        String environment = config.get(SalesforceProviderFactory.ENVIRONMENT, "production").trim().toLowerCase(Locale.ROOT);
        this.login = config.get(SalesforceProviderFactory.LOGIN_URL).orElseGet(() -> switch (environment) {
            case "production" -> SalesforceProviderFactory.PRODUCTION;
            case "sandbox" -> "https://test.salesforce.com";
            default -> throw new IllegalArgumentException("latchkey.providers.salesforce.environment must be 'production' or 'sandbox', not '"
                    + environment + "'");
        }).trim().replaceAll("/+$", "");
        URI.create(login);
        String lifetime = config.get(SalesforceProviderFactory.SESSION_LIFETIME_SECONDS, "7200").trim();
        if (!lifetime.matches("[1-9]\\d{0,9}")) {
            throw new IllegalArgumentException("latchkey.providers.salesforce." + SalesforceProviderFactory.SESSION_LIFETIME_SECONDS
                    + " must be a positive number of seconds, not '" + lifetime + "'");
        }
        this.sessionLifetime = Duration.ofSeconds(Long.parseLong(lifetime));
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(Reason.INVALID_GRANT,
                    "No Salesforce refresh token: reconnect with the refresh_token or offline_access scope");
        }
        return super.refresh(current);
    }

    /**
     * Revokes the refresh token (ending that one approval's access tokens), else the access token.
     * Only the specific 400 {@code invalid_token} counts as already revoked, and then the access
     * token is tried too; any other refusal throws.
     */
    @Override
    public void revoke(TokenSet current) {
        Set<String> candidates = new LinkedHashSet<>();
        Stream.of(current.refreshToken(), current.accessToken()).filter(t -> t != null && !t.isEmpty()).forEach(candidates::add);
        for (String token : candidates) {
            OAuthHttp.Reply reply = http.postForm(URI.create(revocationEndpoint()), Map.of("token", token), Map.of());
            if (!(reply.status() == 400 && "invalid_token".equals(reply.body().string("error")))) {
                raiseForTokenError(reply);
                return;
            }
        }
    }

    /** The identity URL of the token response, else userinfo of the instance, else of the login host. */
    @Override
    public Account account(TokenSet current) {
        String url = Stream.of(current.extra(IDENTITY_URL), userinfo(current.extra(INSTANCE_URL)))
                .filter(u -> u != null && mayReceiveToken(u)).findFirst().orElseGet(this::accountEndpoint);
        OAuthHttp.Reply reply = http.send(accountRequest(URI.create(url), current).build());
        raiseForApiError(reply);
        return readAccount(reply.body(), current);
    }

    @Override
    protected Account readAccount(Json body, TokenSet current) {
        String userId = body.string("user_id", null);
        if (userId == null || userId.isBlank()) {
            throw new ProviderException(Reason.REJECTED, "Salesforce identity answer without user_id");
        }
        String name = Stream.of("username", "preferred_username", "display_name", "name", "email")
                .map(k -> body.string(k, null)).filter(v -> v != null).findFirst().orElse(userId);
        return new Account(userId, name);
    }

    /** Too many logins are 400 {@code rate_limit_exceeded}, not 429. */
    @Override
    protected void raiseForTokenError(OAuthHttp.Reply reply) {
        if (reply.status() < 500 && "rate_limit_exceeded".equals(reply.body().string("error"))) {
            throw new ProviderException(Reason.RATE_LIMITED, "Provider answered " + reply.status() + ": rate_limit_exceeded", null, null);
        }
        super.raiseForTokenError(reply);
    }

    @Override
    protected TokenSet readTokens(Json body, TokenSet previous) {
        TokenSet read = super.readTokens(body, previous);
        Instant now = clock.instant();
        Long issuedMillis = body.number("issued_at");
        Instant issued = issuedMillis == null || Instant.ofEpochMilli(issuedMillis).isAfter(now) ? now : Instant.ofEpochMilli(issuedMillis);
        return read.expiresAt() != null ? read : new TokenSet(read.accessToken(), read.refreshToken(), read.tokenType(),
                issued.plus(sessionLifetime), read.grantedScopes(), read.extras());
    }

    @Override
    protected Map<String, String> tokenExtras(Json body, Map<String, String> previous) {
        Map<String, String> extras = new HashMap<>(previous);
        KEPT.stream().filter(k -> !body.string(k, "").isBlank()).forEach(k -> extras.put(k, body.string(k)));
        return extras;
    }

    /** A public client (no secret configured) must not send one. */
    @Override
    protected void authenticateClient(Map<String, String> form, Map<String, String> headers) {
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret().isEmpty() ? null : config.clientSecret());
    }

    @Override
    protected void requireClient() {
        requireClientId();
    }

    @Override
    protected String authorizationEndpoint() {
        return config.get("authorize-url", login + "/services/oauth2/authorize");
    }

    @Override
    protected String tokenEndpoint() {
        return config.get("token-url", login + "/services/oauth2/token");
    }

    @Override
    protected String revocationEndpoint() {
        return config.get(SalesforceProviderFactory.REVOKE_URL).orElseGet(() -> config.get("revocation-url", login + "/services/oauth2/revoke"));
    }

    @Override
    protected String accountEndpoint() {
        return config.get("account-url").orElseGet(() -> userinfo(login));
    }

    private static String userinfo(String base) {
        return base == null ? null : base.trim().replaceAll("/+$", "") + "/services/oauth2/userinfo";
    }

    /** Any HTTPS URL, or one on the login host itself: a token never goes to plain HTTP elsewhere. */
    private boolean mayReceiveToken(String url) {
        try {
            URI candidate = URI.create(url);
            URI host = URI.create(login);
            return candidate.getHost() != null && ("https".equalsIgnoreCase(candidate.getScheme())
                    || candidate.getScheme().equalsIgnoreCase(host.getScheme()) && candidate.getHost().equalsIgnoreCase(host.getHost())
                    && candidate.getPort() == host.getPort());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
