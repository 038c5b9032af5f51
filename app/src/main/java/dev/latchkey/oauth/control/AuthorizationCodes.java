package dev.latchkey.oauth.control;

import dev.latchkey.crypto.control.Digests;
import dev.latchkey.identifiers.entity.Base62;
import dev.latchkey.members.entity.Member;
import dev.latchkey.oauth.entity.OAuthCode;
import dev.latchkey.providers.Pkce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Authorization codes: 60 seconds, single-use, bound to client, redirect URI, member, scopes
 * and PKCE challenge. A code presented twice revokes everything issued from it (RFC 6749
 * §4.1.2, RFC 9700 §4.5).
 */
@ApplicationScoped
public class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Families families;

    @Inject
    Clock clock;

    @Transactional
    public String issue(AuthorizationRequest request, Member member, List<String> scopes, Instant signedInAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new OAuthCode(hash(code), request.clientId(), member.id(), scopes, request.redirectUri(),
                request.codeChallenge(), "fam_" + Base62.random(20), clock.instant().plus(LIFETIME), request.nonce(),
                signedInAt));
        return code;
    }

    /**
     * Takes a code for a token request; refuses (invalid_grant) a wrong, expired, replayed or
     * mismatched one. Runs in the caller's transaction, which must commit even when this
     * throws, so that a replay's revocation sticks.
     */
    public OAuthCode redeem(String code, String clientId, String redirectUri, String verifier) {
        if (code == null || code.isBlank()) {
            throw OAuthException.invalidRequest("code is required");
        }
        OAuthCode found = em.find(OAuthCode.class, hash(code), LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !found.clientId().equals(clientId)) {
            throw invalidGrant("Unknown authorization code");
        }
        if (found.usedAt() != null) {
            families.revoke(found.familyId(), clientId, Families.Reason.CODE_REPLAYED);
            throw invalidGrant("This code was already used; everything issued from it is now revoked");
        }
        found.use(clock.instant());
        if (!found.expiresAt().isAfter(clock.instant())) {
            throw invalidGrant("The authorization code has expired");
        }
        // RFC 6749 §4.1.3: identical to the authorization request's, which RedirectUris accepted
        // (with its loopback port), so plain equality here, never a second matching rule.
        if (!found.redirectUri().equals(redirectUri)) {
            throw invalidGrant("redirect_uri does not match the authorization request");
        }
        if (found.codeChallenge() != null) {
            if (verifier == null || !MessageDigest.isEqual(Pkce.challenge(verifier).getBytes(StandardCharsets.US_ASCII),
                    found.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
                throw invalidGrant("code_verifier does not match the code_challenge");
            }
        }
        return found;
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    static String hash(String code) {
        return Digests.sha256Hex(code);
    }
}
