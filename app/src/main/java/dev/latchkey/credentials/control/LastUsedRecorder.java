package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Credential;
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

    public void used(Credential credential, Instant now) {
        if (credential.firstUsedAt() == null) {
            self.firstUse(credential.id(), now);
        }
        uses.fire(new CredentialUsed(credential.id(), now));
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
