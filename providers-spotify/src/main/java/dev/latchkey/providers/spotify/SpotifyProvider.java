package dev.latchkey.providers.spotify;

import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.Json;
import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.OAuthProvider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import java.time.Clock;
import java.util.Map;

/**
 * Spotify's quirks on top of the standard: a public client (no secret) names itself with
 * {@code client_id} in the form and must use PKCE; refresh tokens die six months after the
 * user's original authorization, whose instant is kept under {@link #AUTHORIZED_AT} through
 * every refresh; the account is read from the Web API's {@code /v1/me}.
 */
public final class SpotifyProvider extends OAuthProvider {

    /** When the user authorized (ISO-8601 instant); the refresh token dies six months later. */
    public static final String AUTHORIZED_AT = "authorized_at";

    SpotifyProvider(ProviderConfig config, OAuthHttp http, Clock clock) {
        super(SpotifyProviderFactory.PROFILE, config, http, clock);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        if (config.clientSecret().isEmpty() && exchange.codeVerifier() == null) {
            throw new ProviderException(ProviderException.Reason.REJECTED,
                    "Spotify needs a client secret, or PKCE, to exchange a code");
        }
        return super.exchangeCode(exchange);
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (current.refreshToken() == null) {
            throw new ProviderException(ProviderException.Reason.INVALID_GRANT,
                    "No Spotify refresh token to refresh with: authorize again");
        }
        return super.refresh(current);
    }

    /** A public client has no secret: it names itself in the form. */
    @Override
    protected void authenticateClient(Map<String, String> form, Map<String, String> headers) {
        if (config.clientSecret().isEmpty()) {
            form.put("client_id", config.clientId());
        } else {
            super.authenticateClient(form, headers);
        }
    }

    @Override
    protected void requireClient() {
        requireClientId();
    }

    @Override
    protected Map<String, String> tokenExtras(Json body, Map<String, String> previous) {
        return previous.containsKey(AUTHORIZED_AT) ? previous : Map.of(AUTHORIZED_AT, clock.instant().toString());
    }

    @Override
    protected String accountEndpoint() {
        return config.get(SpotifyProviderFactory.API_URL).map(api -> api.replaceAll("/+$", "") + "/v1/me")
                .orElseGet(super::accountEndpoint);
    }
}
