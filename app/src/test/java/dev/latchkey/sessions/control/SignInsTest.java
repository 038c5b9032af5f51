package dev.latchkey.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.credentials.entity.Role;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.entity.Member;
import dev.latchkey.ratelimit.control.Decision;
import dev.latchkey.ratelimit.control.RateLimiter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Throttled sign-in refuses even the right password, and never runs bcrypt while throttled. */
class SignInsTest {

    static final String PASSWORD = "correct horse battery staple";

    /** At most {@code limit} failures, then refused (the bucket, without its refill). */
    static final class CountingLimiter extends RateLimiter {
        final int limit;
        int failures;

        CountingLimiter(int limit) {
            this.limit = limit;
        }

        @Override
        public Decision mayTrySignIn(String clientAddress, String email) {
            return new Decision(failures < limit, limit, Math.max(0, limit - failures), 60, failures < limit ? 0 : 3);
        }

        @Override
        public Decision signInFailed(String clientAddress, String email) {
            failures++;
            return mayTrySignIn(clientAddress, email);
        }
    }

    /** Counts password checks (each a bcrypt in the real one). */
    static final class CountingPasswords extends MemberPasswords {
        final AtomicInteger checks = new AtomicInteger();
        final Member member = new Member("team_1", "member@example.com", "Member", Role.OWNER, null, Instant.now());

        @Override
        public Optional<Member> signIn(String teamId, String email, String password) {
            checks.incrementAndGet();
            return PASSWORD.equals(password) ? Optional.of(member) : Optional.empty();
        }

        @Override
        public List<Member> signInAnyTeam(String email, String password) {
            checks.incrementAndGet();
            return PASSWORD.equals(password) ? List.of(member, other) : List.of();
        }

        final Member other = new Member("team_2", "member@example.com", "Member", Role.OWNER, null, Instant.now());
    }

    private static SignIns signIns(CountingLimiter limiter, CountingPasswords passwords) {
        SignIns signIns = new SignIns();
        signIns.limiter = limiter;
        signIns.passwords = passwords;
        signIns.request = new CurrentRequest();
        signIns.request.begin("198.51.100.7", "test");
        return signIns;
    }

    @Test
    void twentyFiveWrongPasswordsThenTheRightOneIsRefusedWithoutRunningBcrypt() {
        CountingLimiter limiter = new CountingLimiter(20);
        CountingPasswords passwords = new CountingPasswords();
        SignIns signIns = signIns(limiter, passwords);
        for (int i = 0; i < 25; i++) {
            assertThrows(SignInRefused.class, () -> signIns.verify("team_1", "member@example.com", "wrong guess"));
        }
        assertEquals(20, passwords.checks.get(), "throttled guesses cost no bcrypt");
        SignInRefused refused = assertThrows(SignInRefused.class,
                () -> signIns.verify("team_1", "member@example.com", PASSWORD));
        assertTrue(refused.throttled());
        assertTrue(refused.retryAfterSeconds() > 0);
        assertEquals(20, passwords.checks.get(), "the right password is not even checked while throttled");
    }

    @Test
    void theFailureThatReachesTheLimitSaysSo() {
        CountingLimiter limiter = new CountingLimiter(2);
        SignIns signIns = signIns(limiter, new CountingPasswords());
        assertTrue(!assertThrows(SignInRefused.class, () -> signIns.verify("t", "e", "x")).throttled());
        assertTrue(assertThrows(SignInRefused.class, () -> signIns.verify("t", "e", "x")).throttled());
    }

    @Test
    void theRightPasswordSignsIn() {
        CountingPasswords passwords = new CountingPasswords();
        assertEquals(passwords.member, signIns(new CountingLimiter(20), passwords).verify("t", "e", PASSWORD));
    }

    @Test
    void signingInWithoutATeamIsThrottledTheSameWayAndNamesEveryTeamThePasswordOpens() {
        CountingLimiter limiter = new CountingLimiter(3);
        CountingPasswords passwords = new CountingPasswords();
        SignIns signIns = signIns(limiter, passwords);
        assertEquals(List.of(passwords.member, passwords.other), signIns.verifyInAnyTeam("e", PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThrows(SignInRefused.class, () -> signIns.verifyInAnyTeam("e", "wrong guess"));
        }
        assertEquals(4, passwords.checks.get(), "one right, three wrong checked, then throttled");
        assertTrue(assertThrows(SignInRefused.class, () -> signIns.verifyInAnyTeam("e", PASSWORD)).throttled());
        assertEquals(4, passwords.checks.get());
    }
}
