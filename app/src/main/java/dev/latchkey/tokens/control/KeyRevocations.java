package dev.latchkey.tokens.control;

import dev.latchkey.credentials.control.CredentialCache;
import dev.latchkey.credentials.entity.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * How many times a key of a site and environment was revoked, switched off or rolled: a number that
 * only grows, given in every verify answer so that a client cache drops what it kept from before.
 * {@link #raise} runs in the change's own transaction, as one statement and before the key's row is
 * written, so every writer takes this row's lock first and the usage flush never takes it: no lock
 * cycle with the flush's writes to the same keys. {@link #count} is read through the
 * {@link CredentialCache}, which every such change empties (the key's row changes with it).
 */
@ApplicationScoped
public class KeyRevocations {

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialCache cache;

    /** Adds one for this site and environment, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(String siteId, Environment environment) {
        em.createNativeQuery("INSERT INTO key_revocations (site_id, environment, revocations) VALUES (?, ?, 1) "
                        + "ON DUPLICATE KEY UPDATE revocations = revocations + 1")
                .setParameter(1, siteId).setParameter(2, environment.wireName()).executeUpdate();
    }

    /** The counter now (0 before the first revocation). */
    public long count(String siteId, Environment environment) {
        String key = "revocations:" + siteId + ":" + environment.wireName();
        Long count = cache.get(key);
        if (count == null) {
            long generation = cache.generation();
            List<?> rows = em.createNativeQuery(
                            "SELECT revocations FROM key_revocations WHERE site_id = ? AND environment = ?")
                    .setParameter(1, siteId).setParameter(2, environment.wireName()).getResultList();
            count = rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
            cache.put(key, generation, count);
        }
        return count;
    }
}
