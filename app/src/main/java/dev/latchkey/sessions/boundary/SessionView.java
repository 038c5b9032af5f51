package dev.latchkey.sessions.boundary;

import dev.latchkey.sessions.entity.MemberSession;
import java.time.Instant;

/** A session as listed: where and when it was started and last used, never its cookie value. */
public record SessionView(String id, String memberId, Instant createdAt, Instant lastSeenAt, Instant idleExpiresAt,
                          Instant expiresAt, String ip, String userAgent, Instant revokedAt) {

    public static SessionView of(MemberSession session) {
        return new SessionView(session.id(), session.memberId(), session.createdAt(), session.lastSeenAt(),
                session.idleExpiresAt(), session.expiresAt(), session.ip(), session.userAgent(), session.revokedAt());
    }
}
