package dev.latchkey.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.http.control.PublicUrl;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the one verification of access tokens accepts and refuses, and the JsonWebToken it gives. */
class AccessTokenVerifierTest {

    private static final String ISSUER = "https://auth.example.test";

    private ECKey signing;
    private AccessTokenVerifier verifier;
    private SigningKeys.Loaded published;

    @BeforeEach
    void setUp() throws Exception {
        signing = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        published = new SigningKeys.Loaded("k1", signing, Instant.now().minusSeconds(60), null);
        verifier = new AccessTokenVerifier();
        verifier.keys = new SigningKeys() {
            @Override
            public Optional<Loaded> byKid(String kid) {
                return published != null && published.kid().equals(kid) ? Optional.of(published) : Optional.empty();
            }
        };
        verifier.signatures = new SignatureProvider();
        verifier.signatures.choose();
        verifier.settings = new AccessTokenSettings();
        verifier.settings.seconds = 900;
        verifier.publicUrl = new PublicUrl(ISSUER + "/");
        verifier.clock = Clock.systemUTC();
    }

    private String token(ECKey key, String kid, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).subject("client_1").audience(ISSUER)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).jwtID("at_1")
                .claim("client_id", "client_1").claim("scope", "read")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID(kid).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return token(signing, "k1", change);
    }

    @Test
    void aValidAccessTokenBecomesAJsonWebToken() throws Exception {
        String token = token(b -> b);
        JsonWebToken verified = verifier.verify(token).orElseThrow();
        assertEquals("client_1", verified.getSubject());
        assertEquals("client_1", verified.getName());
        assertEquals("at_1", verified.getTokenID());
        assertEquals(ISSUER, verified.getIssuer());
        assertEquals("read", verified.<String>getClaim("scope"));
        assertEquals(Set.of(ISSUER), verified.getAudience());
        assertEquals(token, verified.getRawToken());
        assertEquals(token, verified.getClaim(Claims.raw_token));
        long exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime() / 1000;
        assertEquals(exp, verified.getExpirationTime());
        assertEquals(Long.valueOf(exp), verified.<Long>getClaim(Claims.exp));
        assertEquals(exp - 900, verified.getIssuedAtTime());
        assertTrue(verified.containsClaim("client_id"));
        assertTrue(verified.getClaimNames().containsAll(Set.of("iss", "sub", "aud", "exp", "iat", "jti", "raw_token")));
        assertEquals(Set.of(), verified.getGroups());
        assertFalse(verified.toString().contains(token.substring(token.lastIndexOf('.') + 1)), "no signature in toString");
    }

    @Test
    void refusesAnotherTypeAMissingJtiOrSubjectAndAnIssueTimeInTheFuture() throws Exception {
        SignedJWT untyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                SignedJWT.parse(token(b -> b)).getJWTClaimsSet());
        untyped.sign(new ECDSASigner(signing));
        assertTrue(verifier.verify(untyped.serialize()).isEmpty(), "no at+jwt type");
        assertTrue(verifier.verify(token(b -> b.jwtID(null))).isEmpty(), "no jti");
        assertTrue(verifier.verify(token(b -> b.subject(null))).isEmpty(), "no sub");
        Instant later = Instant.now().plusSeconds(120);
        assertTrue(verifier.verify(token(b -> b.issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(900)))))
                .isEmpty(), "issued two minutes from now");
        Instant soon = Instant.now().plusSeconds(30);
        assertTrue(verifier.verify(token(b -> b.issueTime(Date.from(soon)).expirationTime(Date.from(soon.plusSeconds(900)))))
                .isPresent(), "issued within the leeway by a clock slightly ahead");
    }

    @Test
    void aRotatedInKeyVerifiesAndAnUnpublishedOneNoLonger() throws Exception {
        assertTrue(verifier.verify(token(b -> b)).isPresent());
        ECKey next = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        published = new SigningKeys.Loaded("k2", next, Instant.now(), null);
        assertTrue(verifier.verify(token(next, "k2", b -> b)).isPresent(), "the new key");
        assertTrue(verifier.verify(token(b -> b)).isEmpty(), "k1 is no longer published");
        published = new SigningKeys.Loaded("k1", new ECKeyGenerator(Curve.P_256).keyID("k1").generate(), Instant.now(), null);
        assertTrue(verifier.verify(token(b -> b)).isEmpty(), "a reloaded k1 with another key material is not the old one");
    }

    @Test
    void refusesAnotherIssuerAnotherAudienceAnExpiredTokenAndATooLongLifetime() throws Exception {
        Instant now = Instant.now();
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> wrong = Map.of(
                "issuer", b -> b.issuer("https://evil.example"),
                "audience", b -> b.audience("https://api.other.example"),
                "expired", b -> b.issueTime(Date.from(now.minusSeconds(1000))).expirationTime(Date.from(now.minusSeconds(100))),
                "lifetime", b -> b.expirationTime(Date.from(now.plusSeconds(7200))));
        for (var change : wrong.entrySet()) {
            assertTrue(verifier.verify(token(change.getValue())).isEmpty(), change.getKey());
        }
    }

    @Test
    void refusesAForeignSignatureAnUnknownKeyAndHmacConfusion() throws Exception {
        String valid = token(b -> b);
        String[] parts = valid.split("\\.");
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        SignedJWT foreign = new SignedJWT(SignedJWT.parse(valid).getHeader(), SignedJWT.parse(valid).getJWTClaimsSet());
        foreign.sign(new ECDSASigner(other));
        assertTrue(verifier.verify(foreign.serialize()).isEmpty(), "signed by another key");

        SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build(),
                SignedJWT.parse(valid).getJWTClaimsSet());
        unknownKid.sign(new ECDSASigner(signing));
        assertTrue(verifier.verify(unknownKid.serialize()).isEmpty(), "unknown kid");

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                SignedJWT.parse(valid).getJWTClaimsSet());
        hmac.sign(new MACSigner(signing.toPublicJWK().toJSONString().getBytes()));
        assertTrue(verifier.verify(hmac.serialize()).isEmpty(), "HS256 keyed with the public key");

        assertTrue(verifier.verify(parts[0] + "." + parts[1] + ".").isEmpty(), "no signature");
    }
}
