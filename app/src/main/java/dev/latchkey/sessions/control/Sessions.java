package dev.latchkey.sessions.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.crypto.control.Digests;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.members.entity.Member;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.sessions.entity.MemberSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starting, finding, listing and ending member sessions. A session ends after
 * {@code latchkey.sessions.idle-minutes} (30) without use, and
 * {@code latchkey.sessions.absolute-hours} (12) after sign-in whatever happens: a stolen or
 * forgotten browser does not stay signed in for ever. Every sign-in gets a fresh random id and
 * ends the session the browser had (no session fixation).
 */
@ApplicationScoped
public class Sessions {

    /** The cookie's base name ({@link BrowserCookies} adds prefix and attributes). */
    public static final String COOKIE = "session";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session just started, with the cookie value the browser gets (never stored). */
    public record Started(MemberSession session, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Pages pages;

    @Inject
    CurrentRequest request;

    @Inject
    @ConfigProperty(name = "latchkey.sessions.idle-minutes", defaultValue = "30")
    int idleMinutes;

    @Inject
    @ConfigProperty(name = "latchkey.sessions.absolute-hours", defaultValue = "12")
    int absoluteHours;

    /** How long the cookie is kept: the absolute timeout (the server decides the rest). */
    public Duration cookieLifetime() {
        return Duration.ofHours(absoluteHours);
    }

    /** Signs the member in with a new session; the one the browser had, if any, ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Started start(Member member, Optional<String> previousSecret) {
        previousSecret.flatMap(this::byValue).ifPresent(old -> end(old, "session.signed_out", Map.of("reason",
                "signed_in_again")));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        MemberSession session = new MemberSession(Digests.sha256Hex(secret), member.teamId(), member.id(),
                clock.instant(), Duration.ofMinutes(idleMinutes), cookieLifetime(), request.clientAddress(),
                truncate(request.userAgent()));
        em.persist(session);
        audit.recordAs(actor(member), member.teamId(), null, "session.signed_in", target(session), Map.of(
                "absolute_expires_at", session.expiresAt().toString()));
        return new Started(session, secret);
    }

    /** The live session of this cookie value in this team, marked as used now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MemberSession> live(Optional<String> secret, String teamId) {
        return live(secret.flatMap(this::byValue).filter(s -> s.teamId().equals(teamId)));
    }

    /** The live session of this cookie value, whatever its team, marked as used now (the API's cookie). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MemberSession> live(String secret) {
        return live(byValue(secret));
    }

    private Optional<MemberSession> live(Optional<MemberSession> session) {
        var now = clock.instant();
        Optional<MemberSession> found = session.filter(s -> s.liveAt(now));
        found.ifPresent(s -> s.seen(now, Duration.ofMinutes(idleMinutes)));
        return found;
    }

    /**
     * The CSRF token of a session: derived from the cookie value (so nothing more is stored), and
     * useless without it. A page of another origin can make the browser send the cookie, but cannot
     * read the token, which only {@code POST /v1/sessions} and {@code GET /v1/session} answer.
     */
    public static String csrfToken(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256("csrf:" + secret));
    }

    /**
     * Ends every live session of a member but {@code keep} (the one changing the password, if it
     * is a session): a new password signs out whoever knew the old one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAllBut(String memberId, String keep, String reason) {
        var now = clock.instant();
        List<MemberSession> live = em.createQuery("select s from MemberSession s where s.memberId = :member "
                        + "and s.revokedAt is null", MemberSession.class)
                .setParameter("member", memberId).getResultList().stream()
                .filter(s -> s.liveAt(now) && !s.id().equals(keep)).toList();
        live.forEach(s -> end(s, "session.signed_out", Map.of("reason", reason)));
        return live.size();
    }

    /** Signs out: ends the session of this cookie value (OpenID Connect's RP-initiated logout will call this). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signOut(Optional<String> secret) {
        secret.flatMap(this::byValue).ifPresent(s -> end(s, "session.signed_out", Map.of("reason", "signed_out")));
    }

    /** A session by its public id, if there is one. */
    public Optional<MemberSession> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(MemberSession.class, id));
    }

    /** A member's live sessions (neither revoked nor timed out), newest first. */
    public Page<MemberSession> list(String memberId, PageRequest page) {
        return pages.list(MemberSession.class, "e.memberId = :member and e.revokedAt is null and e.expiresAt > :now "
                        + "and e.idleExpiresAt > :now",
                Map.of("member", memberId, "now", clock.instant()), page);
    }

    /** Revokes a session: the caller's own, or, for a team owner, any of the team's members'. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MemberSession revoke(Caller caller, String id) {
        var member = caller.requireMember();
        MemberSession session = id == null ? null : em.find(MemberSession.class, id);
        boolean reachable = session != null && session.teamId().equals(caller.teamId())
                && (session.memberId().equals(member.id()) || member.role() == Role.OWNER);
        if (!reachable) {
            throw new NoSuchResourceException("session", id);
        }
        if (session.revokedAt() == null) {
            session.revoke(clock.instant());
            audit.record(session.teamId(), null, "session.revoked", target(session), Map.of("member_id",
                    session.memberId()));
        }
        return session;
    }

    private void end(MemberSession session, String action, Map<String, ?> details) {
        if (session.revokedAt() == null) {
            session.revoke(clock.instant());
            Member member = em.find(Member.class, session.memberId());
            audit.recordAs(member == null ? Actor.ANONYMOUS : actor(member), session.teamId(), null, action,
                    target(session), details);
        }
    }

    private Optional<MemberSession> byValue(String secret) {
        List<MemberSession> found = em.createQuery("select s from MemberSession s where s.secretHash = :hash",
                MemberSession.class).setParameter("hash", Digests.sha256Hex(secret)).getResultList();
        return found.stream().findFirst();
    }

    private static Actor actor(Member member) {
        return new Actor("member", member.id(), member.email(), null);
    }

    private static Target target(MemberSession session) {
        return new Target("session", session.id(), null);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 512 ? text : text.substring(0, 512);
    }
}
