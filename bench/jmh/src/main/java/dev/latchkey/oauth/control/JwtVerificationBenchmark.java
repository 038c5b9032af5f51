package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.credentials.control.CredentialCache;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.http.control.PublicUrl;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an access token (ES256 JWT, RFC 9068) costs: signing and verifying with the native
 * provider (Amazon Corretto Crypto Provider) and the JDK's; a bearer token's first use, the
 * whole path the filter takes for a token not in the cache ({@link AccessTokens#verify}: parse,
 * {@link AccessTokenVerifier} on the native provider, the revocation and caller lookups); the
 * verification SmallRye JWT (jose4j, the JDK's provider) did on that path before, for
 * comparison; and a presented token found in the {@link CredentialCache} (every later use).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtVerificationBenchmark {

    private static final String ISSUER = "https://auth.example.test";

    private ECKey key;
    private String token;
    private JWTClaimsSet claims;
    private JWSHeader header;
    private JWSSigner nativeSigner;
    private JWSSigner jdkSigner;
    private JWSVerifier nativeVerifier;
    private JWSVerifier jdkVerifier;
    private AccessTokens cachedTokens;
    private AccessTokens uncachedTokens;
    private AccessTokenVerifier verifier;
    private DefaultJWTParser smallRye;
    private final AtomicInteger databaseLookups = new AtomicInteger();

    @Setup
    public void setUp() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").algorithm(JWSAlgorithm.ES256).generate();
        SignatureProvider nativeProvider = new SignatureProvider();
        nativeProvider.choose();
        if (!nativeProvider.name().contains("Corretto")) {
            throw new IllegalStateException("the native provider did not load: " + nativeProvider.name());
        }
        SignatureProvider jdkProvider = new SignatureProvider(); // never chosen: the JDK's provider
        nativeSigner = nativeProvider.signer(key);
        jdkSigner = new com.nimbusds.jose.crypto.ECDSASigner(key);
        nativeVerifier = nativeProvider.verifier(key);
        jdkVerifier = jdkProvider.verifier(key);

        Instant now = Instant.now();
        claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("client_0123456789abcdef").audience(ISSUER)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID("at_0123456789abcdefABCDEF").claim("client_id", "client_0123456789abcdef")
                .claim("scope", "read write Customer:read").claim("site_id", "site_0123456789abcdef").claim("env", "live")
                .build();
        header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID("k1").build();
        token = sign(nativeSigner).serialize();

        SigningKeys.Loaded published = new SigningKeys.Loaded("k1", key, now.minusSeconds(60), null);
        verifier = new AccessTokenVerifier();
        verifier.keys = new SigningKeys() {
            @Override
            public Optional<Loaded> byKid(String kid) {
                return "k1".equals(kid) ? Optional.of(published) : Optional.empty();
            }
        };
        verifier.signatures = nativeProvider;
        verifier.settings = new AccessTokenSettings();
        verifier.settings.seconds = 900;
        verifier.publicUrl = new PublicUrl(ISSUER);
        verifier.clock = Clock.systemUTC();
        cachedTokens = accessTokens(new CredentialCache(60, 100_000, System::nanoTime));
        uncachedTokens = accessTokens(new CredentialCache(0, 100_000, System::nanoTime));

        JWTAuthContextInfo context = new JWTAuthContextInfo(key.toECPublicKey(), ISSUER);
        context.setExpectedAudience(Set.of(ISSUER));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        context.setMaxTimeToLiveSecs(900L);
        smallRye = new DefaultJWTParser(context);

        if (!SignedJWT.parse(token).verify(jdkVerifier) || verifier.verify(token).isEmpty()
                || !"client_0123456789abcdef".equals(smallRye.parse(token).getSubject())) {
            throw new IllegalStateException("the token does not verify");
        }
        int before = databaseLookups.get();
        uncachedTokens.verify(token);
        uncachedTokens.verify(token);
        if (databaseLookups.get() - before != 4) {
            throw new IllegalStateException("the uncached path did not look the token up each time");
        }
        cachedTokens.verify(token);
        int lookups = databaseLookups.get();
        cachedTokens.verify(token);
        if (databaseLookups.get() != lookups || lookups == 0) {
            throw new IllegalStateException("the second presentation was not answered from the cache");
        }
    }

    /**
     * AccessTokens outside the container; its database answers "not revoked" and "no such
     * client" from memory, so the caller is empty: the path and its cost are those of a real token.
     */
    private AccessTokens accessTokens(CredentialCache cache) {
        AccessTokens tokens = new AccessTokens();
        tokens.cache = cache;
        tokens.clock = Clock.systemUTC();
        tokens.publicUrl = verifier.publicUrl;
        tokens.verifier = verifier;
        tokens.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    databaseLookups.incrementAndGet();
                    return null;
                });
        return tokens;
    }

    private JWSObject sign(JWSSigner signer) throws Exception {
        JWSObject jws = new JWSObject(header, new Payload(claims.toJSONObject()));
        jws.sign(signer);
        return jws;
    }

    @Benchmark
    public JWSObject es256SignNative() throws Exception {
        return sign(nativeSigner);
    }

    @Benchmark
    public JWSObject es256SignJdk() throws Exception {
        return sign(jdkSigner);
    }

    @Benchmark
    public boolean es256VerifyNative() throws Exception {
        return SignedJWT.parse(token).verify(nativeVerifier);
    }

    @Benchmark
    public boolean es256VerifyJdk() throws Exception {
        return SignedJWT.parse(token).verify(jdkVerifier);
    }

    /**
     * A bearer access token's first use: the filter's whole path for a token not in the cache
     * (a miss, parsing, the verification on the native provider, revocation and caller lookups).
     */
    @Benchmark
    public Optional<Caller> accessTokenFirstUse() {
        return uncachedTokens.verify(token);
    }

    /** The verification the bearer path did before (SmallRye JWT, jose4j on the JDK's provider). */
    @Benchmark
    public JsonWebToken smallRyeJwtVerify() throws Exception {
        return smallRye.parse(token);
    }

    /** Every later use: a SHA-256 of the token and a cache lookup. */
    @Benchmark
    public Optional<Caller> accessTokenCacheHit() {
        return cachedTokens.verify(token);
    }
}
