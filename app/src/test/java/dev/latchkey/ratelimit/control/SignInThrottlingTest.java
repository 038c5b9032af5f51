package dev.latchkey.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sign-in throttle's policy at its defaults (20 failures a minute): per address, and per email at an address. */
class SignInThrottlingTest {

    private static RateLimiter limiter() {
        Buckets buckets = new Buckets();
        buckets.store = "local";
        RateLimiter limiter = new RateLimiter();
        limiter.buckets = buckets;
        limiter.authFailures = 20;
        limiter.authFailureSeconds = 60;
        return limiter;
    }

    @Test
    void twentyFiveWrongPasswordsFromOneAddressLeaveItThrottled() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 25; i++) {
            limiter.signInFailed("198.51.100.7", "member@example.com");
        }
        assertFalse(limiter.mayTrySignIn("198.51.100.7", "member@example.com").allowed(),
                "the 26th attempt is refused before its password is looked at");
        assertFalse(limiter.mayTrySignIn("198.51.100.7", "someone-else@example.com").allowed(),
                "the address is throttled whatever email it tries next");
    }

    @Test
    void aGuesserAtOneAddressDoesNotLockTheMemberOutElsewhere() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 25; i++) {
            limiter.signInFailed("198.51.100.7", "Member@Example.com ");
        }
        assertTrue(limiter.mayTrySignIn("203.0.113.9", "member@example.com").allowed());
    }

    @Test
    void signInAndApiFailuresShareTheAddressBucket() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 25; i++) {
            limiter.failed("198.51.100.8", null);
        }
        assertFalse(limiter.mayTrySignIn("198.51.100.8", "member@example.com").allowed());
        limiter.signInFailed("198.51.100.9", "member@example.com");
        assertTrue(limiter.mayTry("198.51.100.9").allowed(), "one failure is far from the limit");
    }
}
