package dev.latchkey.audit.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable audit record, and its place in its team's hash chain. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    public static final String ID_PREFIX = "evt_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "team_id", updatable = false)
    private String teamId;

    @Column(name = "team_seq", updatable = false)
    private long teamSeq;

    @Column(name = "site_id", updatable = false)
    private String siteId;

    @Column(name = "action", updatable = false)
    private String action;

    @Convert(converter = EpochMillis.class)
    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_type", updatable = false)
    private String actorType;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    @Column(name = "actor_name", updatable = false)
    private String actorName;

    @Column(name = "actor_credential_id", updatable = false)
    private String actorCredentialId;

    @Column(name = "target_type", updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private String targetId;

    @Column(name = "target_name", updatable = false)
    private String targetName;

    @Column(name = "ip", updatable = false)
    private String ip;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    @Column(name = "details", updatable = false)
    private String details;

    @Column(name = "prev_hash", updatable = false)
    private String prevHash;

    @Column(name = "hash", updatable = false)
    private String hash;

    @Column(name = "hash_key_id", updatable = false)
    private String hashKeyId;

    protected AuditEvent() {
    }

    /** What an event says, before it has a place in the chain. */
    public record Content(String id, String teamId, String siteId, String action, Instant occurredAt,
                          String actorType, String actorId, String actorName, String actorCredentialId,
                          String targetType, String targetId, String targetName,
                          String ip, String userAgent, String requestId, String details) {
    }

    public AuditEvent(Content content, long teamSeq, String prevHash, String hashKeyId, String hash) {
        this.id = content.id();
        this.teamId = content.teamId();
        this.siteId = content.siteId();
        this.action = content.action();
        this.occurredAt = content.occurredAt();
        this.actorType = content.actorType();
        this.actorId = content.actorId();
        this.actorName = content.actorName();
        this.actorCredentialId = content.actorCredentialId();
        this.targetType = content.targetType();
        this.targetId = content.targetId();
        this.targetName = content.targetName();
        this.ip = content.ip();
        this.userAgent = content.userAgent();
        this.requestId = content.requestId();
        this.details = content.details();
        this.teamSeq = teamSeq;
        this.prevHash = prevHash;
        this.hashKeyId = hashKeyId;
        this.hash = hash;
    }

    public Content content() {
        return new Content(id, teamId, siteId, action, occurredAt, actorType, actorId, actorName, actorCredentialId,
                targetType, targetId, targetName, ip, userAgent, requestId, details);
    }

    public String id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public long teamSeq() {
        return teamSeq;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    public String hashKeyId() {
        return hashKeyId;
    }
}
