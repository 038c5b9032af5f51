package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.problems.control.NotAuthenticatedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who made the request being served, once the authentication filter has established it.
 * The rest of what is known about the request (its id, address, user agent) is
 * {@code http.control.CurrentRequest}'s, which knows nothing of credentials.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void authenticated(Caller who) {
        this.caller = who;
    }

    /** The authenticated caller, if the request has one. */
    public Optional<Caller> callerIfAny() {
        return Optional.ofNullable(caller);
    }

    /** The authenticated caller; public endpoints have none. */
    public Caller caller() {
        if (caller == null) {
            throw NotAuthenticatedException.noCredential("No credential provided");
        }
        return caller;
    }
}
