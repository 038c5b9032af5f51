package dev.latchkey.audit.control;

import dev.latchkey.crypto.control.MasterKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Run at startup. A database upgraded from before heads were sealed has no sealed head at
 * all: each is sealed as it stands, once, with an event in its chain saying so. Once any head
 * is sealed, an unsealed one is tampering and stays reported; nothing seals it on trust again.
 * After a master-key rotation, heads whose seal holds under a retired key are sealed again
 * under the current one.
 */
@ApplicationScoped
public class ChainHeadSealing {

    private static final Logger LOG = Logger.getLogger(ChainHeadSealing.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog log;

    @Inject
    MasterKeyRing ring;

    public void atStartup() {
        long sealed = em.createQuery("select count(h) from ChainHead h where h.seal is not null", Long.class)
                .getSingleResult();
        List<String> unsealed = em.createQuery("select h.teamId from ChainHead h where h.seal is null", String.class)
                .getResultList();
        if (sealed == 0 && !unsealed.isEmpty()) {
            unsealed.forEach(log::sealOnTrust);
            LOG.warning(() -> "Sealed the audit chain heads of " + unsealed.size() + " teams as they stood "
                    + "(written before heads were sealed); each chain records it as audit.chain_sealed");
        } else if (!unsealed.isEmpty()) {
            LOG.severe(() -> unsealed.size() + " audit chain heads have no seal although others do: "
                    + "they were tampered with, and verification reports them");
        }
        List<String> stale = em.createQuery("select h.teamId from ChainHead h where h.seal is not null "
                + "and h.sealKeyId <> :current", String.class).setParameter("current", ring.current().id())
                .getResultList();
        stale.forEach(log::resealUnderCurrentKey);
    }
}
