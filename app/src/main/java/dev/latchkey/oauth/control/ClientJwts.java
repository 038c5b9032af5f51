package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.crypto.control.SecretBox;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.members.entity.Team;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * JWTs a client signs itself to call the API: {@code iss} = client id, {@code sub},
 * {@code aud} = Latchkey's issuer, {@code iat}, {@code exp} at most an hour later, and a
 * {@code jti} accepted once. HS256 verifies only with the client's secret, ES256/RS256 only
 * with a key the client registered (by {@code kid}): the algorithm must fit the key, so
 * {@code alg: none} and algorithm confusion (a public key used as an HMAC secret) fail.
 */
@ApplicationScoped
public class ClientJwts {

    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    /** A client assertion is made for one request: Nimbus and most libraries give it 5 minutes or less. */
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(10);
    /** The algorithms verified, here and for client authentication (the metadata lists exactly these). */
    public static final List<String> ALGORITHMS = List.of("HS256", "ES256", "RS256");
    static final Duration SKEW = Duration.ofSeconds(60);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    AccessTokens accessTokens;

    @Inject
    JwtReplays replays;

    @Inject
    Clock clock;

    public Optional<Caller> verify(SignedJWT jwt) {
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            OAuthClient client = verified(jwt, this::claimsValid).orElse(null);
            if (client == null) {
                return Optional.empty();
            }
            Site site = em.find(Site.class, client.siteId());
            Team team = em.find(Team.class, client.teamId());
            List<String> scopes = claims.getStringClaim("scope") == null ? client.scopes()
                    : OAuthScopes.parse(claims.getStringClaim("scope"));
            if (!client.scopes().containsAll(scopes)) {
                return Optional.empty();
            }
            var teamRef = new Caller.TeamRef(team.id(), team.name());
            var siteRef = new Caller.SiteRef(site.id(), site.name());
            Instant expiresAt = claims.getExpirationTime().toInstant();
            return Optional.of(new Caller(
                    Caller.CredentialRef.of(CredentialKind.JWT, client.id(), client.name(), expiresAt),
                    teamRef, null, siteRef,
                    Caller.authority(teamRef, siteRef, null, Optional.of(client.environment()), OAuthScopes.permissions(scopes),
                            OAuthScopes.typePermissions(scopes), false, List.of(), List.of(), expiresAt)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A client authenticating itself with a JWT at an OAuth endpoint (RFC 7523 §2.2 and §3,
     * OIDC Core §9: {@code private_key_jwt} and {@code client_secret_jwt}): {@code iss} and
     * {@code sub} are the client id, {@code aud} names one of {@code audiences} (the endpoint
     * or the issuer), {@code exp} is at most {@link #MAX_ASSERTION_LIFETIME} away, and the
     * {@code jti} is accepted once, like any client-signed JWT.
     */
    public Optional<OAuthClient> assertion(SignedJWT jwt, Set<String> audiences) {
        return verified(jwt, claims -> assertionClaimsValid(claims, audiences));
    }

    /** Signature by the issuing client, then the claims, then (only then) the jti is spent. */
    private Optional<OAuthClient> verified(SignedJWT jwt, Predicate<JWTClaimsSet> claimsValid) {
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            OAuthClient client = !Ids.isStorable(claims.getIssuer()) ? null
                    : em.find(OAuthClient.class, claims.getIssuer());
            if (client == null || !signatureValid(jwt, client) || !claimsValid.test(claims)
                    || !replays.firstUse(client.id(), claims.getJWTID(), claims.getExpirationTime().toInstant())) {
                return Optional.empty();
            }
            return Optional.of(client);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private boolean signatureValid(SignedJWT jwt, OAuthClient client) throws JOSEException, ParseException {
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        JWSVerifier verifier;
        if (JWSAlgorithm.HS256.equals(alg)) {
            if (!client.confidential()) {
                return false;
            }
            verifier = new MACVerifier(box.open(client.sealedSecret(), "oauth-client:" + client.id())
                    .getBytes(StandardCharsets.UTF_8));
        } else if (JWSAlgorithm.ES256.equals(alg) || JWSAlgorithm.RS256.equals(alg)) {
            if (client.jwks() == null || header.getKeyID() == null) {
                return false;
            }
            JWK key = JWKSet.parse(client.jwks()).getKeyByKeyId(header.getKeyID());
            if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else {
                return false;
            }
        } else {
            return false;
        }
        return jwt.verify(verifier);
    }

    private boolean claimsValid(JWTClaimsSet claims) {
        Instant now = clock.instant();
        if (claims.getSubject() == null || claims.getJWTID() == null || claims.getIssueTime() == null
                || claims.getExpirationTime() == null || claims.getAudience() == null
                || !claims.getAudience().contains(accessTokens.issuer())) {
            return false;
        }
        Instant issued = claims.getIssueTime().toInstant();
        Instant expires = claims.getExpirationTime().toInstant();
        return expires.isAfter(now) && !issued.isAfter(now.plus(SKEW)) && expires.isAfter(issued)
                && Duration.between(issued, expires).compareTo(MAX_LIFETIME) <= 0;
    }

    /** {@code iat} is optional in RFC 7523 §3; a short {@code exp} bounds how long a jti is kept. */
    private boolean assertionClaimsValid(JWTClaimsSet claims, Set<String> audiences) {
        Instant now = clock.instant();
        if (claims.getJWTID() == null || claims.getExpirationTime() == null || claims.getAudience() == null
                || !claims.getIssuer().equals(claims.getSubject())
                || claims.getAudience().stream().noneMatch(audiences::contains)) {
            return false;
        }
        Instant expires = claims.getExpirationTime().toInstant();
        Instant issued = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
        Instant notBefore = claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant();
        return expires.isAfter(now) && !expires.isAfter(now.plus(MAX_ASSERTION_LIFETIME).plus(SKEW))
                && (issued == null || !issued.isAfter(now.plus(SKEW)))
                && (notBefore == null || !notBefore.isAfter(now.plus(SKEW)));
    }
}
