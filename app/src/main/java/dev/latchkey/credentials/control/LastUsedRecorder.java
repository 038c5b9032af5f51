package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.CredentialUsed;
import dev.latchkey.problems.control.AuthorityRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Notes each successful use of a credential. The first use is written at once (it starts
 * {@code first_used_at}, time to hello world, and {@code last_used_at}); every use is then
 * announced as a {@link CredentialUsed} event, which the usage counter batches, so there is
 * no database write per request. Refusals of an authenticated (or address-refused) credential are
 * announced the same way, with their outcome.
 */
@ApplicationScoped
public class LastUsedRecorder {

    @Inject
    Event<CredentialUsed> uses;

    @Inject
    FirstUses firstUses;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    /** A successful use; {@code first} when this may be the credential's first ever. */
    public void used(String credentialId, boolean first, Instant now) {
        if (first) {
            firstUses.record(credentialId, now);
        }
        uses.fire(new CredentialUsed(credentialId, now));
    }

    /** A use of this credential refused with this outcome (nothing for a caller without a credential id). */
    public void refused(String credentialId, CredentialUsed.Outcome outcome) {
        if (credentialId != null && outcome != CredentialUsed.Outcome.VALID) {
            uses.fire(new CredentialUsed(credentialId, clock.instant(), outcome));
        }
    }

    /** A request of the current caller was refused for lacking a permission or scope. */
    void refusedForAuthority(@Observes AuthorityRefusal refusal) {
        currentCaller.callerIfAny().ifPresent(caller ->
                refused(caller.credentialId(), CredentialUsed.Outcome.INSUFFICIENT_PERMISSION));
    }
}
