package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer access tokens as MicroProfile JWT verifies them: SmallRye JWT (the MicroProfile JWT
 * implementation, used as a library) checks the ES256 signature against the published key the
 * token names, the issuer, the audience and the expiry, and gives the token as an MP JWT
 * {@link JsonWebToken}. Payara's own MP-JWT authentication mechanism is not used: it takes
 * every {@code Authorization: Bearer} header for a JWT and answers 401 itself for Latchkey's
 * opaque keys ({@code sk_…}, {@code pat_…}) before the application sees the request.
 */
@ApplicationScoped
public class MicroProfileJwt {

    @Inject
    SigningKeys keys;

    @Inject
    AccessTokenSettings settings;

    @Inject
    dev.latchkey.http.control.PublicUrl publicUrl;

    private final ConcurrentHashMap<String, DefaultJWTParser> parsersByKid = new ConcurrentHashMap<>();

    /** The verified token; empty when MP JWT refuses it or no published key has its kid. */
    public Optional<JsonWebToken> verify(String token) {
        try {
            String kid = SignedJWT.parse(token).getHeader().getKeyID();
            if (kid == null) {
                return Optional.empty();
            }
            Optional<SigningKeys.Loaded> key = keys.byKid(kid);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(parsersByKid.computeIfAbsent(kid, k -> parserFor(key.get())).parse(token));
        } catch (java.text.ParseException | ParseException e) {
            return Optional.empty();
        }
    }

    private DefaultJWTParser parserFor(SigningKeys.Loaded key) {
        try {
            String issuer = publicUrl.base();
            JWTAuthContextInfo context = new JWTAuthContextInfo(key.key().toECPublicKey(), issuer);
            context.setExpectedAudience(Set.of(issuer));
            context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
            context.setMaxTimeToLiveSecs(settings.lifetime().toSeconds());
            return new DefaultJWTParser(context);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key " + key.kid(), e);
        }
    }
}
