package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.AuditEvent;
import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.http.control.Json;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Appends audit events. Always inside the transaction of the change it records, so there is
 * no change without its event and no event without its change. Appends to one team's chain
 * are serialised by a row lock on the chain head, so concurrent writers never fork it. The
 * head is sealed again on every append, but only when its seal held before: a head rewritten
 * in the database keeps a broken seal, so the next change cannot launder the tampering.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentRequest request;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    MasterKeyRing ring;

    @Inject
    Clock clock;

    private AuditChain chain;
    private ChainHeadSeal seals;
    private final Set<String> reportedBroken = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        chain = new AuditChain(ring);
        seals = new ChainHeadSeal(ring);
    }

    /** Records a change made by the current request's caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String teamId, String siteId, String action, Target target, Map<String, ?> details) {
        Actor actor = currentRequest() ? currentCaller.callerIfAny().map(Actor::of).orElse(Actor.ANONYMOUS) : Actor.SYSTEM;
        return recordAs(actor, teamId, siteId, action, target, details);
    }

    /** Records an event for an explicitly named actor (the system, an anonymous client). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent recordAs(Actor actor, String teamId, String siteId, String action, Target target,
                               Map<String, ?> details) {
        boolean inRequest = currentRequest();
        var content = new AuditEvent.Content(Ids.next(AuditEvent.ID_PREFIX), teamId, siteId, action, clock.instant(),
                actor.type(), actor.id(), actor.name(), actor.credentialId(),
                target == null ? null : target.type(), target == null ? null : target.id(),
                target == null ? null : target.name(),
                inRequest ? request.clientAddress() : null, inRequest ? truncate(request.userAgent(), 512) : null,
                inRequest ? request.requestId() : null,
                Json.JSONB.toJson(new TreeMap<>(details)));
        ChainHead head = em.find(ChainHead.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        boolean trusted = true;
        if (head == null) {
            head = new ChainHead(teamId);
            em.persist(head);
            // A team's first event creates its head; a head missing beside events was deleted.
            trusted = !hasEvents(teamId);
        } else {
            trusted = sealHolds(head);
        }
        long position = head.lastSeq() + 1;
        KeyedHasher.Hashed sealed = chain.seal(content, position, head.lastHash());
        String hash = AuditChain.hex(sealed);
        AuditEvent event = new AuditEvent(content, position, head.lastHash(), sealed.keyId(), hash);
        em.persist(event);
        head.advance(position, hash);
        if (trusted) {
            seals.apply(head);
        }
        return event;
    }

    /**
     * Seals a head written before heads were sealed, trusting it as it stands, and says so in
     * its own chain: the event marks from where on the ends are proven.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sealOnTrust(String teamId) {
        ChainHead head = em.find(ChainHead.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null || head.seal() != null) {
            return;
        }
        long through = head.lastSeq();
        long purged = head.purgedThrough();
        seals.apply(head);
        recordAs(Actor.SYSTEM, teamId, null, "audit.chain_sealed", new Target("team", teamId, null),
                Map.of("trusted_through", through, "purged_through", purged));
    }

    /** After a master-key rotation: seals a head again under the current key, if its seal holds. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resealUnderCurrentKey(String teamId) {
        ChainHead head = em.find(ChainHead.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        if (head != null && seals.underRetiredKey(head)) {
            seals.apply(head);
        }
    }

    private boolean hasEvents(String teamId) {
        return !em.createQuery("select e.seq from AuditEvent e where e.teamId = :team", Long.class)
                .setParameter("team", teamId).setMaxResults(1).getResultList().isEmpty();
    }

    private boolean sealHolds(ChainHead head) {
        var problem = seals.problem(head);
        if (problem.isPresent() && reportedBroken.add(head.teamId())) {
            LOG.severe(() -> "Audit chain of team " + head.teamId() + ": " + problem.get()
                    + ". Appending without sealing it again, so verification keeps reporting it.");
        }
        return problem.isEmpty();
    }

    private boolean currentRequest() {
        try {
            request.requestId();
            return true;
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
