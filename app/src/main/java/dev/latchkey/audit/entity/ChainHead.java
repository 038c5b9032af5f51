package dev.latchkey.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The ends of one team's audit chain: its last position and hash, how far retention purged
 * (and the hash of the last purged event), and a seal over all of that.
 */
@Entity
@Table(name = "audit_chain_heads")
public class ChainHead {

    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Column(name = "last_seq")
    private long lastSeq;

    @Column(name = "last_hash")
    private String lastHash;

    @Column(name = "purged_through")
    private long purgedThrough;

    @Column(name = "purged_hash")
    private String purgedHash;

    @Column(name = "seal")
    private String seal;

    @Column(name = "seal_key_id")
    private String sealKeyId;

    protected ChainHead() {
    }

    public ChainHead(String teamId) {
        this.teamId = teamId;
        this.lastSeq = 0;
        this.lastHash = GENESIS;
        this.purgedHash = GENESIS;
    }

    public void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    /** Retention removed every event up to {@code seq}, the last of which had {@code hash}. */
    public void purgedThrough(long seq, String hash) {
        if (seq > purgedThrough) {
            this.purgedThrough = seq;
            this.purgedHash = hash;
        }
    }

    public void seal(String keyId, String seal) {
        this.sealKeyId = keyId;
        this.seal = seal;
    }

    public String teamId() {
        return teamId;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }

    public long purgedThrough() {
        return purgedThrough;
    }

    public String purgedHash() {
        return purgedHash;
    }

    /** The seal, or null for a head written before heads were sealed. */
    public String seal() {
        return seal;
    }

    public String sealKeyId() {
        return sealKeyId;
    }
}
