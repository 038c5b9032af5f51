package dev.latchkey.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of one team's audit chain: its last position and hash, and how far retention purged. */
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

    protected ChainHead() {
    }

    public ChainHead(String teamId) {
        this.teamId = teamId;
        this.lastSeq = 0;
        this.lastHash = GENESIS;
    }

    public void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    public void purgedThrough(long seq) {
        this.purgedThrough = Math.max(purgedThrough, seq);
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
}
