package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.credentials.control.CredentialCache;
import dev.latchkey.credentials.control.CredentialChanges;
import dev.latchkey.credentials.control.JwtVerifier;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.crypto.control.Digests;
import dev.latchkey.http.control.PublicUrl;
import dev.latchkey.identifiers.entity.Base62;
import dev.latchkey.members.entity.Member;
import dev.latchkey.members.entity.Team;
import dev.latchkey.oauth.entity.IssuedAccessToken;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens: JWTs per RFC 9068 ({@code typ: at+jwt}), ES256 with a {@code kid}. Tokens of
 * a grant family (code and refresh grants) are recorded by {@code jti} when issued, so that a
 * replayed code or refresh token revokes them all; client-credentials tokens are not recorded
 * (issuing one writes nothing), and revoking one records its {@code jti}. Verification
 * ({@link AccessTokenVerifier}, then the revocation check here) refuses
 * a revoked token, or one whose client was deleted, before it expires. A verified token is kept in the
 * {@link CredentialCache} until it expires or anything is revoked, so a token presented again
 * costs a hash and a map lookup instead of a signature check and four queries.
 */
@ApplicationScoped
public class AccessTokens implements JwtVerifier {

    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    private static final java.util.Base64.Encoder BASE64URL = java.util.Base64.getUrlEncoder().withoutPadding();

    private final java.util.concurrent.ConcurrentHashMap<String, JWSHeader> headers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** An issued token and what the token response says about it. */
    public record Issued(String jwt, String jti, Instant expiresAt, List<String> scopes) {

        @Override
        public String toString() {
            return "Issued[" + jti + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

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

    @Inject
    jakarta.enterprise.inject.Instance<ClientJwts> clientJwts;

    @Inject
    CredentialCache cache;

    @Inject
    CredentialChanges changes;

    @Inject
    AccessTokenVerifier verifier;

    /** A token that verified and is unrevoked, and, while its client and approver exist, its caller. */
    public record Verified(JsonWebToken token, Caller caller) {
    }

    public String issuer() {
        return publicUrl.base();
    }

    /** Signs and records a token; call inside the transaction of the grant. */
    public Issued issue(OAuthClient client, String subject, List<String> scopes, String familyId) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.lifetime());
        String jti = "at_" + Base62.random(22);
        SigningKeys.Loaded key = keys.current();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .claim("client_id", client.id())
                .claim("scope", String.join(" ", scopes))
                .claim("site_id", client.siteId())
                .claim("env", client.environment().wireName())
                .build();
        // nimbus signs; the header (fixed per key) and the payload are base64url-encoded by the
        // JDK, several times faster than nimbus's constant-time codec, which secrets need and
        // these public parts do not.
        JWSObject jwt = new JWSObject(headerFor(key.kid()), new Payload(new Base64URL(
                BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)))));
        try {
            jwt.sign(signatures.signer(key.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        if (familyId != null) {
            em.persist(new IssuedAccessToken(jti, client.id(), familyId, expires));
        }
        return new Issued(jwt.serialize(), jti, expires, scopes);
    }

    private JWSHeader headerFor(String kid) {
        return headers.computeIfAbsent(kid, k -> {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).keyID(k).build();
            try {
                return JWSHeader.parse(header.toBase64URL()); // parsed: keeps its encoding
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One of our access tokens that is valid and unrevoked now, as MicroProfile JWT's type. */
    public Optional<JsonWebToken> claims(String token) {
        return verified(token).map(Verified::token);
    }

    /** One of our access tokens that is valid and unrevoked now, with its caller. */
    public Optional<Verified> verified(String token) {
        return verified(token, cacheKey(token));
    }

    private Optional<Verified> verified(String token, String key) {
        Verified hit = cache.get(key);
        if (hit != null) {
            return unexpired(hit);
        }
        try {
            return verified(token, key, SignedJWT.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Verified> verified(String token, String key, SignedJWT jwt) {
        long generation = cache.generation();
        Optional<Verified> verified = verifier.verify(token, jwt).filter(this::unrevoked)
                .map(accepted -> new Verified(accepted, caller(accepted).orElse(null)));
        verified.ifPresent(v -> cache.put(key, generation, v));
        return verified;
    }

    private Optional<Verified> unexpired(Verified verified) {
        return Instant.ofEpochSecond(verified.token().getExpirationTime()).isAfter(clock.instant())
                ? Optional.of(verified) : Optional.empty();
    }

    private static String cacheKey(String token) {
        return "access-token:" + Digests.sha256Hex(token);
    }

    private boolean unrevoked(JsonWebToken token) {
        IssuedAccessToken issued = em.find(IssuedAccessToken.class, token.getTokenID());
        return issued == null || issued.revokedAt() == null;
    }

    /**
     * Our access tokens ({@code typ: at+jwt}, verified by {@link AccessTokenVerifier}, then
     * checked for revocation), or else a JWT a client signed itself. Bearer authentication,
     * introspection, revocation and UserInfo share the verification and the cache.
     */
    @Override
    public Optional<Caller> verify(String token) {
        String key = cacheKey(token);
        Verified hit = cache.get(key);
        if (hit != null) {
            return unexpired(hit).map(Verified::caller);
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (AT_JWT.equals(jwt.getHeader().getType())) {
                return verified(token, key, jwt).map(Verified::caller);
            }
            return clientJwts.get().verify(jwt);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Caller> caller(JsonWebToken claims) {
        OAuthClient client = em.find(OAuthClient.class, claims.<String>getClaim("client_id"));
        if (client == null) {
            return Optional.empty();
        }
        Site site = em.find(Site.class, client.siteId());
        Team team = em.find(Team.class, client.teamId());
        List<String> scopes = OAuthScopes.parse(claims.<String>getClaim("scope"));
        Set<Permission> permissions = OAuthScopes.permissions(scopes);
        var typePermissions = OAuthScopes.typePermissions(scopes);
        Caller.MemberRef member = null;
        if (!client.id().equals(claims.getSubject())) {
            // A member approved this token: it never gets more than the member has now.
            Member approver = em.find(Member.class, claims.getSubject());
            if (approver == null || !approver.teamId().equals(client.teamId())) {
                return Optional.empty();
            }
            permissions.retainAll(approver.role().permissions());
            typePermissions.values().forEach(granted -> granted.retainAll(approver.role().permissions()));
            member = new Caller.MemberRef(approver.id(), approver.email(), approver.name(), approver.role(),
                    false);
        }
        var teamRef = new Caller.TeamRef(team.id(), team.name());
        var siteRef = new Caller.SiteRef(site.id(), site.name());
        Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime());
        return Optional.of(new Caller(
                Caller.CredentialRef.of(CredentialKind.OAUTH_TOKEN, client.id(), client.name(), expiresAt),
                teamRef, member, siteRef, Caller.authority(teamRef, siteRef, member, Optional.of(client.environment()),
                        permissions, typePermissions, false, List.of(), List.of(), expiresAt)));
    }

    /** Revokes one verified token; only the client it was issued to may. Whether it was live until now. */
    public boolean revoke(JsonWebToken token, String clientId) {
        if (!clientId.equals(token.<String>getClaim("client_id"))) {
            return false;
        }
        IssuedAccessToken issued = em.find(IssuedAccessToken.class, token.getTokenID());
        if (issued == null) {
            issued = new IssuedAccessToken(token.getTokenID(), clientId, null,
                    Instant.ofEpochSecond(token.getExpirationTime()));
            em.persist(issued);
        }
        boolean live = issued.revokedAt() == null;
        issued.revoke(clock.instant());
        changes.changed();
        return live;
    }
}
