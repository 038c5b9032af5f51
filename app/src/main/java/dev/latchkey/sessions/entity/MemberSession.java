package dev.latchkey.sessions.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A member's sign-in session. The cookie value is kept only as its hash; {@code id} is the
 * public, non-secret name it is listed and revoked by. {@code createdAt} is when the member
 * entered the password: OpenID Connect's {@code auth_time}.
 */
@Entity
@Table(name = "member_sessions")
public class MemberSession {

    public static final String ID_PREFIX = "ses_";
    static final Duration SEEN_STEP = Duration.ofMinutes(1);

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "member_id")
    private String memberId;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "idle_expires_at")
    private Instant idleExpiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "ip")
    private String ip;

    @Column(name = "user_agent")
    private String userAgent;

    @Convert(converter = EpochMillis.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected MemberSession() {
    }

    public MemberSession(String secretHash, String teamId, String memberId, Instant now, Duration idle,
                         Duration absolute, String ip, String userAgent) {
        this.id = Ids.next(ID_PREFIX);
        this.secretHash = secretHash;
        this.teamId = teamId;
        this.memberId = memberId;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(absolute);
        this.idleExpiresAt = min(now.plus(idle), expiresAt);
        this.ip = ip;
        this.userAgent = userAgent;
    }

    /** Live: not revoked, and neither timeout has passed. */
    public boolean liveAt(Instant now) {
        return revokedAt == null && now.isBefore(idleExpiresAt) && now.isBefore(expiresAt);
    }

    /**
     * Used now: the idle timeout starts again, never past the absolute one. Moved only by a
     * {@link #SEEN_STEP} or more (or up to the absolute timeout), so a console making many
     * requests a minute does not write its session on each: the idle time may end up to a step
     * early, never late.
     */
    public void seen(Instant now, Duration idle) {
        Instant next = min(now.plus(idle), expiresAt);
        boolean moves = !next.isBefore(idleExpiresAt.plus(SEEN_STEP))
                || next.equals(expiresAt) && next.isAfter(idleExpiresAt);
        if (moves) {
            lastSeenAt = now;
            idleExpiresAt = next;
        }
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String memberId() {
        return memberId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
