package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client-signed JWT already accepted, by the hash of client and jti, until it expires. */
@Entity
@Table(name = "jwt_replays")
public class JwtReplay {

    @Id
    @Column(name = "jti_hash")
    private String jtiHash;

    @Column(name = "client_id")
    private String clientId;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected JwtReplay() {
    }

    public JwtReplay(String jtiHash, String clientId, Instant expiresAt) {
        this.jtiHash = jtiHash;
        this.clientId = clientId;
        this.expiresAt = expiresAt;
    }
}
