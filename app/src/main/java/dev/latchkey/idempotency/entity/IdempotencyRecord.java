package dev.latchkey.idempotency.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A POST sent with an Idempotency-Key: in flight (no status yet) or done, with its response sealed.
 * The key itself is kept only as a hash with the route it was used on.
 */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord {

    /** Credential and key hash: a key is the caller's own. */
    @Embeddable
    public static class Id implements Serializable {

        @Column(name = "credential_id")
        private String credentialId;

        @Column(name = "key_hash")
        private String keyHash;

        protected Id() {
        }

        public Id(String credentialId, String keyHash) {
            this.credentialId = credentialId;
            this.keyHash = keyHash;
        }

        public String credentialId() {
            return credentialId;
        }

        public String keyHash() {
            return keyHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id that && credentialId.equals(that.credentialId) && keyHash.equals(that.keyHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(credentialId, keyHash);
        }
    }

    @EmbeddedId
    private Id id;

    @Column(name = "route")
    private String route;

    @Column(name = "request_hash")
    private String requestHash;

    @Column(name = "status")
    private Integer status;

    @Column(name = "response")
    private String sealedResponse;

    @Column(name = "location")
    private String location;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(Id id, String route, String requestHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.route = route;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public void completed(int status, String sealedResponse, String location) {
        this.status = status;
        this.sealedResponse = sealedResponse;
        this.location = location;
    }

    public Id id() {
        return id;
    }

    public String requestHash() {
        return requestHash;
    }

    /** Null while the first request is still being served. */
    public Integer status() {
        return status;
    }

    public String sealedResponse() {
        return sealedResponse;
    }

    public String location() {
        return location;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
