package dev.latchkey.sessions.control;

/** A password sign-in refused: wrong email or password, or too many failures to try at all. */
public class SignInRefused extends RuntimeException {

    private final boolean throttled;
    private final long retryAfterSeconds;

    public SignInRefused(boolean throttled, long retryAfterSeconds) {
        super(throttled ? "Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds"
                : "Wrong email or password", null, false, false);
        this.throttled = throttled;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean throttled() {
        return throttled;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
