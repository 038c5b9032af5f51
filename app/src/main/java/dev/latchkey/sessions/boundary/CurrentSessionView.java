package dev.latchkey.sessions.boundary;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.sessions.control.Sessions;
import dev.latchkey.sessions.entity.MemberSession;
import java.time.Instant;

/**
 * The signed-in member's session as the console sees it: who, in which team, until when, and
 * the CSRF token every change made with the cookie must carry in {@code X-CSRF-Token}. Never the
 * cookie value itself (the browser keeps it, {@code HttpOnly}).
 */
public record CurrentSessionView(String id, SessionTeam team, SessionMember member, String csrfToken,
                                 Instant expiresAt, Instant idleExpiresAt) {

    /** (Named apart from other views' {@code Team}: the OpenAPI scanner names schemas by simple name.) */
    public record SessionTeam(String id, String name) {
    }

    public record SessionMember(String id, String email, String name, String role, boolean instanceAdmin) {
    }

    public static CurrentSessionView of(MemberSession session, Caller caller, String secret) {
        var member = caller.member();
        return new CurrentSessionView(session.id(), new SessionTeam(caller.team().id(), caller.team().name()),
                new SessionMember(member.id(), member.email(), member.name(), member.role().wireName(),
                        member.instanceAdmin()),
                Sessions.csrfToken(secret), session.expiresAt(), session.idleExpiresAt());
    }
}
