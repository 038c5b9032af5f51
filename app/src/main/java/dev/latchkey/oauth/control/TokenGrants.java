package dev.latchkey.oauth.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.oauth.entity.OAuthCode;
import dev.latchkey.oauth.entity.OAuthRefreshToken;
import dev.latchkey.members.entity.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The grants of the token endpoint — client credentials (RFC 6749 §4.4), authorization code
 * with PKCE (§4.1, RFC 7636) and refresh token with rotation (§6) — and revocation (RFC 7009)
 * for the client a {@link ClientAuthentication} found. Each grant is one transaction that
 * commits even when it refuses, so that replay revocations stick.
 */
@ApplicationScoped
public class TokenGrants {

    /**
     * What the token endpoint answers; {@code scopes} is what was granted, {@code offline_access}
     * included when a refresh token comes with it (RFC 6749 §5.1).
     */
    public record Granted(AccessTokens.Issued access, String refreshToken, List<String> scopes, String idToken) {

        Granted(AccessTokens.Issued access, String refreshToken, List<String> scopes) {
            this(access, refreshToken, scopes, null);
        }

        Granted withIdToken(String idToken) {
            return new Granted(access, refreshToken, scopes, idToken);
        }

        @Override
        public String toString() {
            return "Granted[" + access.jti() + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    IdTokens idTokens;

    @Inject
    AccessTokens tokens;

    @Inject
    AuthorizationCodes codes;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AuditLog audit;

    /**
     * RFC 6749 §4.4: a token for the client itself, with at most the client's scopes; never a
     * refresh token. Writes nothing, so it needs no transaction.
     */
    public Granted clientCredentials(OAuthClient client, String scope) {
        if (!client.confidential() || !client.grantTypes().contains("client_credentials")) {
            throw new OAuthException(400, "unauthorized_client", "This client may not use client_credentials");
        }
        List<String> requested = OAuthScopes.parse(scope);
        List<String> granted = requested.isEmpty()
                ? client.scopes().stream().filter(s -> !OAuthScopes.OFFLINE_ACCESS.equals(s)).toList() : requested;
        if (!client.scopes().containsAll(granted) || granted.contains(OAuthScopes.OFFLINE_ACCESS)) {
            throw new OAuthException(400, "invalid_scope", "The client is not allowed these scopes");
        }
        return new Granted(tokens.issue(client, client.id(), granted, null), null, granted);
    }

    /** RFC 6749 §4.1.3 with RFC 7636: exchanges a code (once) for tokens. */
    @Transactional(dontRollbackOn = OAuthException.class)
    public Granted authorizationCode(OAuthClient client, String code, String redirectUri, String verifier) {
        if (!client.grantTypes().contains("authorization_code")) {
            throw new OAuthException(400, "unauthorized_client", "This client may not use authorization_code");
        }
        OAuthCode redeemed = codes.redeem(code, client.id(), redirectUri, verifier);
        Granted granted = issue(client, redeemed.memberId(), redeemed.scopes(), redeemed.familyId());
        if (!OpenIdScopes.signIn(redeemed.scopes())) {
            return granted;
        }
        Member member = em.find(Member.class, redeemed.memberId());
        return granted.withIdToken(idTokens.issue(new IdTokens.Subject(member, client.id(), redeemed.scopes(),
                redeemed.nonce(), redeemed.authTime()), granted.access().jwt()));
    }

    /** RFC 6749 §6: rotates the refresh token; a narrower scope may be asked for. */
    @Transactional(dontRollbackOn = OAuthException.class)
    public Granted refresh(OAuthClient client, String refreshToken, String scope) {
        if (!client.grantTypes().contains("refresh_token")) {
            throw new OAuthException(400, "unauthorized_client", "This client may not use refresh_token");
        }
        if (refreshToken == null || refreshToken.isBlank()) {
            throw OAuthException.invalidRequest("refresh_token is required");
        }
        OAuthRefreshToken used = refreshTokens.redeem(refreshToken.trim(), client.id());
        List<String> requested = OAuthScopes.parse(scope);
        if (!requested.isEmpty() && !used.scopes().containsAll(requested)) {
            throw new OAuthException(400, "invalid_scope", "A refresh cannot widen the scope");
        }
        return issue(client, used.memberId(), requested.isEmpty() ? used.scopes() : requested, used.familyId());
    }

    /**
     * RFC 7009: revokes an access or refresh token of this client; unknown tokens are no error
     * (§2.2), but a token issued to another client is refused, before anything changes, with
     * {@code unauthorized_client} (§2.1: the server verifies the token was issued to the caller).
     */
    @Transactional
    public void revoke(OAuthClient client, String token) {
        if (token.startsWith(RefreshTokens.PREFIX)) {
            refreshTokens.find(token).ifPresent(found -> {
                requireIssuedTo(found.clientId(), client);
                refreshTokens.revoke(found);
            });
            return;
        }
        var verified = tokens.claims(token).orElse(null);
        if (verified == null) {
            return;
        }
        requireIssuedTo(verified.<String>getClaim("client_id"), client);
        if (tokens.revoke(verified, client.id())) {
            audit.recordAs(OAuthClients.actor(client), client.teamId(), client.siteId(), "oauth_token.revoked",
                    new Target("oauth_access_token", verified.getTokenID(), null), Map.of("client_id", client.id(),
                            "expires_at", java.time.Instant.ofEpochSecond(verified.getExpirationTime()).toString()));
        }
    }

    private static void requireIssuedTo(String owner, OAuthClient client) {
        if (!client.id().equals(owner)) {
            throw new OAuthException(400, "unauthorized_client", "This token was not issued to this client");
        }
    }

    private Granted issue(OAuthClient client, String memberId, List<String> scopes, String familyId) {
        List<String> accessScopes = scopes.stream().filter(s -> !OAuthScopes.OFFLINE_ACCESS.equals(s)).toList();
        AccessTokens.Issued access = tokens.issue(client, memberId, accessScopes, familyId);
        String refresh = scopes.contains(OAuthScopes.OFFLINE_ACCESS) && client.grantTypes().contains("refresh_token")
                ? refreshTokens.issue(client.id(), memberId, scopes, familyId) : null;
        return new Granted(access, refresh, refresh == null ? accessScopes : scopes);
    }
}
