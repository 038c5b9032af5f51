package dev.latchkey.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Notes each successful use of a credential. The first use is written at once (it starts
 * {@code first_used_at}, time to hello world, and {@code last_used_at}); every use is then
 * announced as a {@link CredentialUsed} event, which the usage counter batches, so there is
 * no database write per request.
 */
@ApplicationScoped
public class LastUsedRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CredentialUsed> uses;

    @Inject
    LastUsedRecorder self;

    /** A successful use; {@code first} when this may be the credential's first ever. */
    public void used(String credentialId, boolean first, Instant now) {
        if (first) {
            self.firstUse(credentialId, now);
        }
        uses.fire(new CredentialUsed(credentialId, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void firstUse(String credentialId, Instant now) {
        em.createQuery("update Credential c set c.firstUsedAt = :now, c.lastUsedAt = :now where c.id = :id "
                        + "and c.firstUsedAt is null")
                .setParameter("now", now)
                .setParameter("id", credentialId)
                .executeUpdate();
    }
}
