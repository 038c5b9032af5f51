package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.http.control.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one verification of Latchkey's access tokens, for bearer authentication, introspection,
 * revocation and UserInfo alike: nimbus checks the ES256 signature with the native provider
 * ({@link SignatureProvider}) against the published key the token's {@code kid} names (a
 * rotated-in key is found by reloading, a retired one stays valid while published), then the
 * header ({@code alg} ES256 only — no "none", no HMAC confusion — and {@code typ: at+jwt}), our
 * issuer and audience, a {@code jti}, an expiry in the future (no leeway), an issue time at most
 * {@link #LEEWAY} ahead, and a lifetime no longer than the configured one. Revocation is not
 * checked here ({@link AccessTokens} does, with the database).
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** How far ahead of our clock a token's issue time may be (another instance's clock). */
    static final Duration LEEWAY = Duration.ofSeconds(60);

    @Inject
    SigningKeys keys;

    @Inject
    SignatureProvider signatures;

    @Inject
    AccessTokenSettings settings;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    /** A key's verifier, made once per key (converting the JWK to a public key costs more than checking). */
    private record KeyVerifier(ECKey key, JWSVerifier verifier) {
    }

    private final ConcurrentHashMap<String, KeyVerifier> verifiers = new ConcurrentHashMap<>();

    /** The token if it is one of our access tokens, validly signed and unexpired now. */
    public Optional<VerifiedAccessToken> verify(String token) {
        try {
            return verify(token, SignedJWT.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    Optional<VerifiedAccessToken> verify(String token, SignedJWT jwt) {
        try {
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !AccessTokens.AT_JWT.equals(header.getType())
                    || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<JWSVerifier> verifier = verifier(header.getKeyID());
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return valid(claims) ? Optional.of(new VerifiedAccessToken(token, claims)) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private boolean valid(JWTClaimsSet claims) {
        String issuer = publicUrl.base();
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        Instant now = clock.instant();
        return issuer.equals(claims.getIssuer()) && claims.getAudience() != null
                && claims.getAudience().contains(issuer) && claims.getJWTID() != null && claims.getSubject() != null
                && expires != null && expires.toInstant().isAfter(now)
                && issued != null && !issued.toInstant().isAfter(now.plus(LEEWAY))
                && Duration.between(issued.toInstant(), expires.toInstant()).compareTo(settings.lifetime()) <= 0;
    }

    private Optional<JWSVerifier> verifier(String kid) throws JOSEException {
        Optional<SigningKeys.Loaded> published = keys.byKid(kid);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        ECKey key = published.get().key();
        KeyVerifier known = verifiers.get(kid);
        if (known == null || known.key() != key) { // the keys are reloaded every minute
            known = new KeyVerifier(key, signatures.verifier(key));
            verifiers.put(kid, known);
        }
        return Optional.of(known.verifier());
    }
}
