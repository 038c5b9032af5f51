package dev.latchkey.connections.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A connect flow in progress, found by the hash of its single-use {@code state}. */
@Entity
@Table(name = "connection_states")
public class ConnectionState {

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "site_id")
    private String siteId;

    @Column(name = "provider")
    private String provider;

    @Column(name = "scopes")
    private String scopes;

    /** The PKCE verifier, sealed; null for providers without PKCE. */
    @Column(name = "code_verifier")
    private String sealedCodeVerifier;

    @Column(name = "started_by")
    private String startedBy;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "used_at")
    private Instant usedAt;

    protected ConnectionState() {
    }

    public ConnectionState(String stateHash, String teamId, String siteId, String provider, List<String> scopes,
                           String sealedCodeVerifier, String startedBy, Instant expiresAt) {
        this.stateHash = stateHash;
        this.teamId = teamId;
        this.siteId = siteId;
        this.provider = provider;
        this.scopes = String.join(" ", scopes);
        this.sealedCodeVerifier = sealedCodeVerifier;
        this.startedBy = startedBy;
        this.expiresAt = expiresAt;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public String stateHash() {
        return stateHash;
    }

    public String teamId() {
        return teamId;
    }

    public String siteId() {
        return siteId;
    }

    public String provider() {
        return provider;
    }

    public List<String> scopes() {
        return scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public String sealedCodeVerifier() {
        return sealedCodeVerifier;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
