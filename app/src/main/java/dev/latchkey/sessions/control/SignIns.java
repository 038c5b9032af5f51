package dev.latchkey.sessions.control;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.entity.Member;
import dev.latchkey.ratelimit.control.Decision;
import dev.latchkey.ratelimit.control.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;

/**
 * Password sign-in, throttled (RFC 6749 §10.10) by the {@link RateLimiter}'s authentication
 * failure buckets. A throttled attempt is refused before the password is looked at: no bcrypt
 * runs (each costs tens of milliseconds of CPU), and a right password is refused too, or a
 * guesser would learn from the answer when it had guessed right.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    RateLimiter limiter;

    @Inject
    MemberPasswords passwords;

    @Inject
    CurrentRequest request;

    /** The member of this team with this email and password; otherwise {@link SignInRefused}. */
    public Member verify(String teamId, String email, String password) {
        return throttled(email, () -> passwords.signIn(teamId, email, password).stream().toList()).get(0);
    }

    /**
     * The members of any team with this email and password (several when the same address and
     * password are a member's in more than one team); otherwise {@link SignInRefused}.
     */
    public List<Member> verifyInAnyTeam(String email, String password) {
        return throttled(email, () -> passwords.signInAnyTeam(email, password));
    }

    private List<Member> throttled(String email, Supplier<List<Member>> check) {
        String address = request.clientAddress();
        Decision mayTry = limiter.mayTrySignIn(address, email);
        if (!mayTry.allowed()) {
            throw new SignInRefused(true, mayTry.retryAfterSeconds());
        }
        List<Member> members = check.get();
        if (members.isEmpty()) {
            Decision counted = limiter.signInFailed(address, email);
            throw new SignInRefused(!counted.allowed(), counted.retryAfterSeconds());
        }
        return members;
    }
}
