package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Provider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who computes ES256 for access tokens, signing them and verifying them
 * ({@link AccessTokenVerifier}). The Amazon Corretto Crypto Provider (native AWS-LC) signs
 * P-256 some forty times faster than the JDK here and verifies some twenty times faster, so it
 * is used when its native library loads and passes its self-test — given to nimbus for token
 * signatures only, never installed JVM-wide. When it cannot load, the JDK's provider is used.
 * The log says which.
 */
@ApplicationScoped
public class SignatureProvider {

    private static final Logger LOG = Logger.getLogger(SignatureProvider.class.getName());
    static final String ACCP = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private Provider provider;
    private final ConcurrentHashMap<String, JWSSigner> signers = new ConcurrentHashMap<>();

    @PostConstruct
    void choose() {
        try {
            Provider candidate = (Provider) Class.forName(ACCP).getField("INSTANCE").get(null);
            candidate.getClass().getMethod("assertHealthy").invoke(candidate);
            provider = candidate;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            provider = null;
            LOG.log(Level.FINE, "Amazon Corretto Crypto Provider unavailable", e);
        }
        LOG.info(() -> "Access tokens are signed and verified with " + name());
    }

    public String name() {
        return provider == null ? "the JDK's crypto provider (SunEC)" : "the Amazon Corretto Crypto Provider "
                + provider.getVersionStr();
    }

    /** The signer for a key, made once per key id (decoding the private key costs more than signing). */
    public JWSSigner signer(ECKey key) throws JOSEException {
        JWSSigner known = signers.get(key.getKeyID());
        if (known != null) {
            return known;
        }
        ECDSASigner signer = new ECDSASigner(key);
        if (provider != null) {
            signer.getJCAContext().setProvider(provider);
        }
        signers.put(key.getKeyID(), signer);
        return signer;
    }

    public JWSVerifier verifier(ECKey key) throws JOSEException {
        ECDSAVerifier verifier = new ECDSAVerifier(key.toECPublicKey());
        if (provider != null) {
            verifier.getJCAContext().setProvider(provider);
        }
        return verifier;
    }
}
