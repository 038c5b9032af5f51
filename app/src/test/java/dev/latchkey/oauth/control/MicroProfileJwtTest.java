package dev.latchkey.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What MicroProfile JWT (SmallRye) accepts and refuses of bearer access tokens. */
class MicroProfileJwtTest {

    private static final String ISSUER = "https://auth.example.test";

    private ECKey signing;
    private MicroProfileJwt mpJwt;

    @BeforeEach
    void setUp() throws Exception {
        signing = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        SigningKeys.Loaded published = new SigningKeys.Loaded("k1", signing, Instant.now().minusSeconds(60), null);
        mpJwt = new MicroProfileJwt();
        mpJwt.keys = new SigningKeys() {
            @Override
            public Optional<Loaded> byKid(String kid) {
                return "k1".equals(kid) ? Optional.of(published) : Optional.empty();
            }
        };
        mpJwt.settings = new AccessTokenSettings();
        mpJwt.settings.seconds = 900;
        mpJwt.publicUrl = new PublicUrl(ISSUER + "/");
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).subject("client_1").audience(ISSUER)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).jwtID("at_1")
                .claim("client_id", "client_1").claim("scope", "read")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("k1").build(), claims);
        jwt.sign(new ECDSASigner(signing));
        return jwt.serialize();
    }

    @Test
    void aValidAccessTokenBecomesAJsonWebToken() throws Exception {
        var verified = mpJwt.verify(token(b -> b)).orElseThrow();
        assertEquals("client_1", verified.getSubject());
        assertEquals("at_1", verified.getTokenID());
        assertEquals("read", verified.getClaim("scope"));
        assertTrue(verified.getAudience().contains(ISSUER));
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
            assertTrue(mpJwt.verify(token(change.getValue())).isEmpty(), change.getKey());
        }
    }

    @Test
    void refusesAForeignSignatureAnUnknownKeyAndHmacConfusion() throws Exception {
        String valid = token(b -> b);
        String[] parts = valid.split("\\.");
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        SignedJWT foreign = new SignedJWT(SignedJWT.parse(valid).getHeader(), SignedJWT.parse(valid).getJWTClaimsSet());
        foreign.sign(new ECDSASigner(other));
        assertTrue(mpJwt.verify(foreign.serialize()).isEmpty(), "signed by another key");

        SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build(),
                SignedJWT.parse(valid).getJWTClaimsSet());
        unknownKid.sign(new ECDSASigner(signing));
        assertTrue(mpJwt.verify(unknownKid.serialize()).isEmpty(), "unknown kid");

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                SignedJWT.parse(valid).getJWTClaimsSet());
        hmac.sign(new MACSigner(signing.toPublicJWK().toJSONString().getBytes()));
        assertTrue(mpJwt.verify(hmac.serialize()).isEmpty(), "HS256 keyed with the public key");

        assertTrue(mpJwt.verify(parts[0] + "." + parts[1] + ".").isEmpty(), "no signature");
    }
}
