package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.AuditEvent;
import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading the audit log: pages, a streamed export, and verification of the chain. */
@ApplicationScoped
public class AuditTrail {

    static final int BATCH = 500;

    /** The result of checking a range of the chain. */
    public record Verification(boolean ok, long checked, Mismatch firstMismatch) {
    }

    /** Where the chain breaks: the event (or, for missing events, the position) and why. */
    public record Mismatch(String id, long teamSeq, String reason) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    MasterKeyRing ring;

    private AuditChain chain;

    @PostConstruct
    void init() {
        chain = new AuditChain(ring);
    }

    /** Newest first; the cursor is an event id, so events arriving meanwhile never shift a page. */
    public Page<AuditEvent> list(AuditFilter filter, PageRequest request) {
        return pages.list(AuditEvent.class, filter.where(), filter.parameters(), request);
    }

    /**
     * Hands every matching event, oldest first, to {@code sink}, reading {@value #BATCH} at a
     * time and forgetting each batch: memory stays flat however many events match.
     */
    public void export(AuditFilter filter, Consumer<AuditEvent> sink) {
        forEachBatch(filter.where(), filter.parameters(), "e.seq", batch -> batch.forEach(sink));
    }

    /**
     * Recomputes the team's chain over [since, until): each event's hash from its content, its
     * link to the one before, and no gap in positions. From the oldest event it also checks
     * that nothing before it was removed except by retention, and to the newest that nothing
     * after it was removed.
     */
    public Verification verify(AuditFilter range) {
        ChainHead head = em.find(ChainHead.class, range.teamId());
        String where = "e.teamId = :team" + (range.since() != null ? " and e.occurredAt >= :since" : "")
                + (range.until() != null ? " and e.occurredAt < :until" : "");
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("team", range.teamId()));
        if (range.since() != null) {
            parameters.put("since", range.since());
        }
        if (range.until() != null) {
            parameters.put("until", range.until());
        }
        var state = new Object() {
            long checked;
            AuditEvent previous;
            Mismatch mismatch;
        };
        forEachBatch(where, parameters, "e.teamSeq", batch -> {
            for (AuditEvent event : batch) {
                if (state.mismatch != null) {
                    return;
                }
                state.mismatch = check(event, state.previous, range, head);
                state.previous = event;
                state.checked++;
            }
        });
        if (state.mismatch == null && range.until() == null && head != null) {
            long last = state.previous == null ? head.purgedThrough() : state.previous.teamSeq();
            if (head.lastSeq() != last || (state.previous != null && !head.lastHash().equals(state.previous.hash()))) {
                state.mismatch = new Mismatch(null, last + 1, "events after this position are missing");
            }
        }
        return new Verification(state.mismatch == null, state.checked, state.mismatch);
    }

    private Mismatch check(AuditEvent event, AuditEvent previous, AuditFilter range, ChainHead head) {
        if (previous == null) {
            if (range.since() == null && head != null && event.teamSeq() != head.purgedThrough() + 1) {
                return new Mismatch(event.id(), event.teamSeq(), "events before this one are missing");
            }
        } else {
            if (event.teamSeq() != previous.teamSeq() + 1) {
                return new Mismatch(event.id(), event.teamSeq(), "events before this one are missing");
            }
            if (!event.prevHash().equals(previous.hash())) {
                return new Mismatch(event.id(), event.teamSeq(), "does not link to the event before it");
            }
        }
        Optional<String> expected = chain.expectedHash(event);
        if (expected.isEmpty()) {
            return new Mismatch(event.id(), event.teamSeq(), "sealed under a master key no longer configured");
        }
        if (!expected.get().equals(event.hash())) {
            return new Mismatch(event.id(), event.teamSeq(), "content does not match its hash");
        }
        return null;
    }

    private void forEachBatch(String where, Map<String, Object> parameters, String order,
                              Consumer<List<AuditEvent>> consumer) {
        Long after = null;
        while (true) {
            String condition = after == null ? where : "(" + where + ") and " + order + " > :after";
            TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e where " + condition
                    + " order by " + order, AuditEvent.class);
            parameters.forEach(query::setParameter);
            if (after != null) {
                query.setParameter("after", after);
            }
            List<AuditEvent> batch = query.setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                return;
            }
            consumer.accept(batch);
            AuditEvent last = batch.get(batch.size() - 1);
            after = "e.seq".equals(order) ? last.seq() : last.teamSeq();
            em.clear();
            if (batch.size() < BATCH) {
                return;
            }
        }
    }
}
