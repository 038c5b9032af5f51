package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.AuditEvent;
import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.http.control.Json;
import dev.latchkey.identifiers.control.Ids;
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
import java.util.TreeMap;

/**
 * Appends audit events. Always inside the transaction of the change it records, so there is
 * no change without its event and no event without its change. Appends to one team's chain
 * are serialised by a row lock on the chain head, so concurrent writers never fork it.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentRequest request;

    @Inject
    MasterKeyRing ring;

    @Inject
    Clock clock;

    private AuditChain chain;

    @PostConstruct
    void init() {
        chain = new AuditChain(ring);
    }

    /** Records a change made by the current request's caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String teamId, String siteId, String action, Target target, Map<String, ?> details) {
        Actor actor = currentRequest() ? request.callerIfAny().map(Actor::of).orElse(Actor.ANONYMOUS) : Actor.SYSTEM;
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
        if (head == null) {
            head = new ChainHead(teamId);
            em.persist(head);
        }
        long position = head.lastSeq() + 1;
        KeyedHasher.Hashed sealed = chain.seal(content, position, head.lastHash());
        String hash = AuditChain.hex(sealed);
        AuditEvent event = new AuditEvent(content, position, head.lastHash(), sealed.keyId(), hash);
        em.persist(event);
        head.advance(position, hash);
        return event;
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
