package dev.latchkey.sessions.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.members.entity.Member;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The current password, asked before members change their own (as GitHub does). Required from a
 * console session: whoever finds a browser left signed in must not be able to take the sign-in
 * over. Optional with a personal access token: the token is the credential the instance hands
 * out first (bootstrap, an owner onboarding a member) and how a forgotten password is set again,
 * and it could issue itself more tokens anyway; when sent, it is checked all the same. Checked
 * through {@link SignIns}, so guessing it here is throttled like guessing it at sign-in.
 */
@ApplicationScoped
public class CurrentPasswords {

    static final String FIELD = "current_password";

    @Inject
    SignIns signIns;

    /** Returns quietly, or refuses: 400 naming {@code current_password}, 429 while throttled. */
    public void confirm(Caller caller, Member member, String currentPassword) {
        boolean required = caller.kind() == CredentialKind.SESSION && member.hasPassword();
        if (currentPassword == null) {
            if (required) {
                throw new InvalidInputException(FIELD, "Changing your own password from a console session needs "
                        + "current_password");
            }
            return;
        }
        try {
            signIns.verify(member.teamId(), member.email(), currentPassword);
        } catch (SignInRefused refused) {
            throw refused.throttled()
                    ? new RateLimitedException(refused.getMessage(), Duration.ofSeconds(refused.retryAfterSeconds()))
                    : new InvalidInputException(FIELD, "The current password is wrong");
        }
    }
}
