package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.members.entity.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * ID tokens (OIDC Core §2, §3.1.3.6): ES256 with the access tokens' signing key ({@code kid},
 * published at the JWKS), {@code iss}, {@code sub} (the member), {@code aud} (the client),
 * {@code iat}, {@code exp} ten minutes later, {@code auth_time} (when the member signed in),
 * {@code nonce} when the request had one, and {@code at_hash} binding the access token issued
 * with it. No {@code acr}: Latchkey has a single level (a password).
 */
@ApplicationScoped
public class IdTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What an ID token is issued for. */
    public record Subject(Member member, String clientId, List<String> scopes, String nonce, Instant authTime) {
    }

    @Inject
    SigningKeys keys;

    @Inject
    SignatureProvider signatures;

    @Inject
    AccessTokens accessTokens;

    @Inject
    Clock clock;

    public String issue(Subject subject, String accessToken) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(accessTokens.issuer())
                .audience(subject.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("at_hash", atHash(accessToken));
        MemberClaims.of(subject.member(), subject.scopes()).forEach(claims::claim);
        if (subject.authTime() != null) {
            claims.claim("auth_time", subject.authTime().getEpochSecond());
        }
        if (subject.nonce() != null) {
            claims.claim("nonce", subject.nonce());
        }
        SigningKeys.Loaded key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(key.kid()).build(), claims.build());
        try {
            jwt.sign(signatures.signer(key.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /**
     * The client an ID token we issued was for ({@code aud}), as an {@code id_token_hint}: our
     * signature and issuer are checked, its expiry is not (OIDC RP-Initiated Logout §2 lets a
     * client sign out with an expired one). Empty for anything else.
     */
    public Optional<String> clientOfHint(String idToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<SigningKeys.Loaded> key = keys.byKid(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(signatures.verifier(key.get().key()))
                    || !accessTokens.issuer().equals(jwt.getJWTClaimsSet().getIssuer())
                    || jwt.getJWTClaimsSet().getAudience().size() != 1) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet().getAudience().get(0));
        } catch (java.text.ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** The left half of the access token's SHA-256, base64url (OIDC Core §3.1.3.6, for ES256). */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(digest, digest.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
