package dev.latchkey.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Notes each successful use of a credential. The first use is written at once (it starts
 * {@code first_used_at}, time to hello world, and {@code last_used_at}); every use is then
 * announced as a {@link CredentialUsed} event, which the usage counter batches, so there is
 * no database write per request.
 */
@ApplicationScoped
public class LastUsedRecorder {

    @Inject
    Event<CredentialUsed> uses;

    @Inject
    FirstUses firstUses;

    /** A successful use; {@code first} when this may be the credential's first ever. */
    public void used(String credentialId, boolean first, Instant now) {
        if (first) {
            firstUses.record(credentialId, now);
        }
        uses.fire(new CredentialUsed(credentialId, now));
    }
}
