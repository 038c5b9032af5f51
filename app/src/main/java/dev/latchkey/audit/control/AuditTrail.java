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

    /**
     * The result of checking a range of the chain; when it holds, the checkpoint at the head
     * to keep outside the database.
     */
    public record Verification(boolean ok, long checked, Mismatch firstMismatch, Checkpoint checkpoint) {
    }

    /** Where the chain breaks: the event (or, for missing events and the head, the position) and why. */
    public record Mismatch(String id, long teamSeq, String reason) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    MasterKeyRing ring;

    private AuditChain chain;
    private ChainHeadSeal seals;

    @PostConstruct
    void init() {
        chain = new AuditChain(ring);
        seals = new ChainHeadSeal(ring);
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
     * link to the one before, and no gap in positions. The head's seal must hold. Without
     * {@code since}, the oldest event must link to the head's sealed purge point, so nothing
     * before it was removed except by retention; without {@code until}, the newest must be
     * the head's sealed end, so nothing after it was removed. With a {@code checkpoint} the
     * chain must also still pass through it.
     */
    public Verification verify(AuditFilter range, Checkpoint checkpoint) {
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
        Mismatch mismatch = state.mismatch;
        if (mismatch == null) {
            mismatch = checkHead(head, state.previous, range);
        }
        if (mismatch == null && checkpoint != null) {
            mismatch = checkPassesThrough(head, checkpoint);
        }
        Checkpoint reached = mismatch == null ? new Checkpoint(head.lastSeq(), head.lastHash()) : null;
        return new Verification(mismatch == null, state.checked, mismatch, reached);
    }

    private Mismatch check(AuditEvent event, AuditEvent previous, AuditFilter range, ChainHead head) {
        if (previous == null) {
            if (range.since() == null && head != null) {
                if (event.teamSeq() != head.purgedThrough() + 1) {
                    return new Mismatch(event.id(), event.teamSeq(), "events before this one are missing");
                }
                if (!event.prevHash().equals(head.purgedHash())) {
                    return new Mismatch(event.id(), event.teamSeq(),
                            "does not link to the chain's start or purge point");
                }
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

    /** Every team has a head from its first event on; its seal must hold and, unbounded, match the newest event. */
    private Mismatch checkHead(ChainHead head, AuditEvent newest, AuditFilter range) {
        if (head == null) {
            return new Mismatch(null, newest == null ? 1 : newest.teamSeq() + 1, "the chain head is missing");
        }
        Optional<String> problem = seals.problem(head);
        if (problem.isPresent()) {
            return new Mismatch(null, head.lastSeq(), problem.get());
        }
        if (range.until() == null && (newest != null || range.since() == null)) {
            long last = newest == null ? head.purgedThrough() : newest.teamSeq();
            String lastHash = newest == null ? head.purgedHash() : newest.hash();
            if (head.lastSeq() != last || !head.lastHash().equals(lastHash)) {
                return new Mismatch(null, last + 1, "events after this position are missing");
            }
        }
        return null;
    }

    private Mismatch checkPassesThrough(ChainHead head, Checkpoint checkpoint) {
        long position = checkpoint.position();
        if (position > head.lastSeq()) {
            return new Mismatch(null, position, "the chain ends before the checkpoint: it was rolled back");
        }
        if (position < head.purgedThrough()) {
            return null;
        }
        String hash;
        String id = null;
        if (position == head.purgedThrough()) {
            hash = head.purgedHash();
        } else {
            List<AuditEvent> found = em.createQuery("select e from AuditEvent e where e.teamId = :team "
                            + "and e.teamSeq = :position", AuditEvent.class)
                    .setParameter("team", head.teamId()).setParameter("position", position).getResultList();
            if (found.isEmpty()) {
                return new Mismatch(null, position, "the checkpoint's event is missing");
            }
            hash = found.get(0).hash();
            id = found.get(0).id();
        }
        if (!hash.equals(checkpoint.hash())) {
            return new Mismatch(id, position, "does not match the checkpoint: the chain was rolled back and rewritten");
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
