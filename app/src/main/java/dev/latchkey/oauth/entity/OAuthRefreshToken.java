package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A refresh token: only its keyed hash, its family, and whether it was used or revoked. */
@Entity
@Table(name = "oauth_refresh_tokens")
public class OAuthRefreshToken {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "family_id")
    private String familyId;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "member_id")
    private String memberId;

    @Column(name = "scopes")
    private String scopes;

    @Column(name = "secret_hash")
    private byte[] secretHash;

    @Column(name = "hash_key_id")
    private String hashKeyId;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "used_at")
    private Instant usedAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    protected OAuthRefreshToken() {
    }

    public OAuthRefreshToken(String id, String familyId, String clientId, String memberId, List<String> scopes,
                             byte[] secretHash, String hashKeyId, Instant expiresAt, Instant createdAt) {
        this.id = id;
        this.familyId = familyId;
        this.clientId = clientId;
        this.memberId = memberId;
        this.scopes = String.join(" ", scopes);
        this.secretHash = secretHash.clone();
        this.hashKeyId = hashKeyId;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String familyId() {
        return familyId;
    }

    public String clientId() {
        return clientId;
    }

    public String memberId() {
        return memberId;
    }

    public List<String> scopes() {
        return scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public byte[] secretHash() {
        return secretHash.clone();
    }

    public String hashKeyId() {
        return hashKeyId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
