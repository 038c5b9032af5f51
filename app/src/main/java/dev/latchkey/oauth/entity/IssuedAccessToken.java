package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access token issued, by its {@code jti}: what revocation marks before expiry. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "oauth_access_tokens")
public class IssuedAccessToken {

    @Id
    @Column(name = "jti")
    private String jti;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "family_id")
    private String familyId;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected IssuedAccessToken() {
    }

    public IssuedAccessToken(String jti, String clientId, String familyId, Instant expiresAt) {
        this.jti = jti;
        this.clientId = clientId;
        this.familyId = familyId;
        this.expiresAt = expiresAt;
    }

    public void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public String jti() {
        return jti;
    }

    public String clientId() {
        return clientId;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
