package dev.latchkey.oauth.control;

import dev.latchkey.credentials.control.TokenFormat;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.oauth.entity.OAuthRefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Refresh tokens ({@code ort_…}, the Latchkey token format): stored as a keyed hash, rotated
 * on every use; presenting a used one revokes its whole family. 30 days
 * ({@code latchkey.oauth.refresh-token-days}).
 */
@ApplicationScoped
public class RefreshTokens {

    public static final String PREFIX = "ort_";
    static final Duration LIFETIME = Duration.ofDays(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyedHasher hasher;

    @Inject
    Families families;

    @Inject
    Clock clock;

    public String issue(String clientId, String memberId, List<String> scopes, String familyId) {
        TokenFormat.Token token = TokenFormat.generate(PREFIX);
        KeyedHasher.Hashed hashed = hasher.hash(token.value());
        em.persist(new OAuthRefreshToken(PREFIX + token.publicId(), familyId, clientId, memberId, scopes,
                hashed.hash(), hashed.keyId(), clock.instant().plus(LIFETIME), clock.instant()));
        return token.value();
    }

    /** Takes a refresh token for rotation; the caller's transaction must commit even when this throws. */
    public OAuthRefreshToken redeem(String presented, String clientId) {
        var parsed = TokenFormat.parse(presented).filter(t -> PREFIX.equals(t.prefix()));
        if (parsed.isEmpty()) {
            throw AuthorizationCodes.invalidGrant("Unknown refresh token");
        }
        OAuthRefreshToken found = em.find(OAuthRefreshToken.class, PREFIX + parsed.get().publicId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !found.clientId().equals(clientId)
                || !hasher.matches(parsed.get().value(), found.hashKeyId(), found.secretHash())) {
            throw AuthorizationCodes.invalidGrant("Unknown refresh token");
        }
        if (found.revokedAt() != null) {
            throw AuthorizationCodes.invalidGrant("This refresh token was revoked");
        }
        if (found.usedAt() != null) {
            families.revoke(found.familyId(), clientId, Families.Reason.REFRESH_TOKEN_REPLAYED);
            throw AuthorizationCodes.invalidGrant("This refresh token was already used; its whole family is now revoked");
        }
        if (!found.expiresAt().isAfter(clock.instant())) {
            throw AuthorizationCodes.invalidGrant("The refresh token has expired");
        }
        found.use(clock.instant());
        return found;
    }

    /** The refresh token presented, if it is genuine (whoever it was issued to). */
    public java.util.Optional<OAuthRefreshToken> find(String presented) {
        return TokenFormat.parse(presented).filter(t -> PREFIX.equals(t.prefix()))
                .map(token -> {
                    OAuthRefreshToken found = em.find(OAuthRefreshToken.class, PREFIX + token.publicId());
                    return found != null && hasher.matches(token.value(), found.hashKeyId(), found.secretHash())
                            ? found : null;
                });
    }

    /** RFC 7009 for refresh tokens: revoking one revokes its family. */
    public void revoke(OAuthRefreshToken token) {
        families.revoke(token.familyId(), token.clientId(), Families.Reason.REVOKED_BY_CLIENT);
    }
}
