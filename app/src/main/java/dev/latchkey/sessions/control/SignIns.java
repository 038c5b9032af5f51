package dev.latchkey.sessions.control;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.members.control.MemberPasswords;
import dev.latchkey.members.entity.Member;
import dev.latchkey.ratelimit.control.Decision;
import dev.latchkey.ratelimit.control.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

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
        String address = request.clientAddress();
        Decision mayTry = limiter.mayTrySignIn(address, email);
        if (!mayTry.allowed()) {
            throw new SignInRefused(true, mayTry.retryAfterSeconds());
        }
        Optional<Member> member = passwords.signIn(teamId, email, password);
        if (member.isEmpty()) {
            Decision counted = limiter.signInFailed(address, email);
            throw new SignInRefused(!counted.allowed(), counted.retryAfterSeconds());
        }
        return member.get();
    }
}
