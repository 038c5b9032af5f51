package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key that signs access tokens; its private half is sealed under the master key. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    @Column(name = "kid")
    private String kid;

    @Column(name = "algorithm")
    private String algorithm;

    @Column(name = "private_jwk")
    private String sealedPrivateJwk;

    @Column(name = "public_jwk")
    private String publicJwk;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "active_from")
    private Instant activeFrom;

    @Convert(converter = EpochMillis.class)
    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, String algorithm, String sealedPrivateJwk, String publicJwk, Instant createdAt,
                      Instant activeFrom) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.sealedPrivateJwk = sealedPrivateJwk;
        this.publicJwk = publicJwk;
        this.createdAt = createdAt;
        this.activeFrom = activeFrom;
    }

    public void retire(Instant when) {
        if (retiredAt == null) {
            retiredAt = when;
        }
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String sealedPrivateJwk() {
        return sealedPrivateJwk;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant activeFrom() {
        return activeFrom;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}
