package dev.latchkey.sessions.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.members.control.MemberCallers;
import dev.latchkey.problems.control.NotAuthenticatedException;
import dev.latchkey.sessions.entity.MemberSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A console session as an API credential: it acts for its member as a personal access token
 * with all of the member's permissions would. Looked up on every request (no cache), so a
 * revoked or timed-out session stops at once; each use restarts the idle timeout.
 */
@ApplicationScoped
public class SessionCallers {

    static final String NAME = "console session";

    @Inject
    Sessions sessions;

    @Inject
    MemberCallers members;

    /** The caller of this cookie value; 401 when it names no live session (or its member is gone). */
    @Transactional
    public Caller authenticate(String secret) {
        return sessions.live(secret).flatMap(this::callerFor)
                .orElseThrow(() -> new NotAuthenticatedException("The session has ended; sign in again"));
    }

    /** The caller of a session, or empty when its member is gone. */
    public Optional<Caller> callerFor(MemberSession session) {
        return members.callerFor(CredentialKind.SESSION, session.id(), NAME, session.memberId(),
                EnumSet.allOf(Permission.class), session.expiresAt());
    }

    /**
     * Whether a request carries the session's CSRF token, compared in constant time: what every
     * request authenticated by the cookie must show to change anything.
     */
    public static boolean csrfMatches(String secret, String presented) {
        return presented != null && MessageDigest.isEqual(Sessions.csrfToken(secret).getBytes(StandardCharsets.UTF_8),
                presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
