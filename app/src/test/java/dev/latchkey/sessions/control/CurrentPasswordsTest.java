package dev.latchkey.sessions.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.members.entity.Member;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.RateLimitedException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who must confirm the current password before changing their own: a session always, a token when it sends one. */
class CurrentPasswordsTest {

    static final String PASSWORD = SignInsTest.PASSWORD;

    private static CurrentPasswords confirming(SignInsTest.CountingLimiter limiter) {
        SignIns signIns = new SignIns();
        signIns.limiter = limiter;
        signIns.passwords = new SignInsTest.CountingPasswords();
        signIns.request = new dev.latchkey.http.control.CurrentRequest();
        signIns.request.begin("198.51.100.9", "test");
        CurrentPasswords current = new CurrentPasswords();
        current.signIns = signIns;
        return current;
    }

    private static Caller caller(CredentialKind kind) {
        var team = new Caller.TeamRef("team_1", "t");
        var member = new Caller.MemberRef("mem_1", "member@example.com", "M", Role.OWNER, false);
        return new Caller(Caller.CredentialRef.of(kind, "id", "n", null), team, member, null,
                Caller.authority(team, null, member, Optional.empty(), EnumSet.allOf(Permission.class), Map.of(), false,
                        List.of(), List.of(), null));
    }

    private static Member member(boolean withPassword) {
        Member member = new Member("team_1", "member@example.com", "M", Role.OWNER, null, Instant.now());
        if (withPassword) {
            member.passwordHash("$2a$10$not-checked-here");
        }
        return member;
    }

    @Test
    void aSessionMustSendTheCurrentPasswordAndItMustBeRight() {
        CurrentPasswords current = confirming(new SignInsTest.CountingLimiter(20));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> current.confirm(caller(CredentialKind.SESSION), member(true), null));
        assertEquals("current_password", missing.fields().get(0).field());
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> current.confirm(caller(CredentialKind.SESSION), member(true), "not it"));
        assertEquals("current_password", wrong.fields().get(0).field());
        assertDoesNotThrow(() -> current.confirm(caller(CredentialKind.SESSION), member(true), PASSWORD));
    }

    @Test
    void aTokenNeedNotSendItButWhatItSendsIsChecked() {
        CurrentPasswords current = confirming(new SignInsTest.CountingLimiter(20));
        assertDoesNotThrow(() -> current.confirm(caller(CredentialKind.PERSONAL_TOKEN), member(true), null));
        assertThrows(InvalidInputException.class,
                () -> current.confirm(caller(CredentialKind.PERSONAL_TOKEN), member(true), "not it"));
    }

    @Test
    void aFirstPasswordNeedsNoCurrentOne() {
        CurrentPasswords current = confirming(new SignInsTest.CountingLimiter(20));
        assertDoesNotThrow(() -> current.confirm(caller(CredentialKind.SESSION), member(false), null));
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSigningIn() {
        CurrentPasswords current = confirming(new SignInsTest.CountingLimiter(2));
        assertThrows(InvalidInputException.class,
                () -> current.confirm(caller(CredentialKind.SESSION), member(true), "guess 1"));
        RateLimitedException limited = assertThrows(RateLimitedException.class,
                () -> current.confirm(caller(CredentialKind.SESSION), member(true), "guess 2"));
        assertTrue(limited.retryAfterSeconds() > 0);
        assertThrows(RateLimitedException.class,
                () -> current.confirm(caller(CredentialKind.SESSION), member(true), PASSWORD));
    }
}
