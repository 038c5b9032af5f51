package dev.latchkey.idempotency.control;

import dev.latchkey.crypto.control.Digests;
import dev.latchkey.crypto.control.SecretBox;
import dev.latchkey.idempotency.entity.IdempotencyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The idempotency ledger. Each step is a short transaction of its own, never the use case's: the
 * key is claimed (committed, so another instance sees it in flight) before the request runs, and
 * its outcome stored after the use case committed.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long a key is remembered (Stripe: 24 hours). */
    public static final Duration KEPT = Duration.ofHours(24);
    public static final int MAX_KEY_LENGTH = 255;
    static final String IN_FLIGHT = "A request with this Idempotency-Key is still being served; retry when it has"
            + " finished";

    /** What a request with a key does: run, its outcome to be stored under {@code id}; or replay one. */
    public sealed interface Start permits Proceed, Replay {
    }

    public record Proceed(IdempotencyRecord.Id id) implements Start {
    }

    /** The first outcome: status, body (null for none) and the Location header (null for none). */
    public record Replay(int status, String body, String location) implements Start {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    /**
     * Claims the key for this credential and route, or answers what its first use returned.
     * Two first uses at once: one insert wins, the other fails at flush (a clash the caller maps to
     * {@link #inFlight()}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Start begin(String credentialId, String route, String key, byte[] body) {
        var id = new IdempotencyRecord.Id(credentialId, Digests.sha256Hex(route + "\n" + key));
        String requestHash = Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(
                new String(body, StandardCharsets.UTF_8)));
        Instant now = clock.instant();
        IdempotencyRecord seen = em.find(IdempotencyRecord.class, id);
        if (seen != null && seen.expiresAt().isBefore(now)) {
            em.remove(seen);
            em.flush();
            seen = null;
        }
        if (seen == null) {
            em.persist(new IdempotencyRecord(id, route, requestHash, now, now.plus(KEPT)));
            em.flush();
            return new Proceed(id);
        }
        if (!seen.requestHash().equals(requestHash)) {
            throw new IdempotencyConflictException("This Idempotency-Key was used with another request body within"
                    + " 24 hours; send a new key for a new request");
        }
        if (seen.status() == null) {
            throw inFlight();
        }
        String response = seen.sealedResponse() == null ? null : box.open(seen.sealedResponse(), context(id));
        return new Replay(seen.status(), response, seen.location());
    }

    /** Stores the outcome, its body sealed: it may hold a secret shown once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(IdempotencyRecord.Id id, int status, String body, String location) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        if (record != null) {
            record.completed(status, body == null ? null : box.seal(body, context(id)), location);
        }
    }

    /** Forgets the key: the request failed before it could have acted, so a retry runs it again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(IdempotencyRecord.Id id) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        if (record != null) {
            em.remove(record);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired() {
        return em.createQuery("delete from IdempotencyRecord r where r.expiresAt < :now")
                .setParameter("now", clock.instant()).executeUpdate();
    }

    public static IdempotencyConflictException inFlight() {
        return new IdempotencyConflictException(IN_FLIGHT);
    }

    /** Binds a sealed response to its row: copied onto another credential's key, it does not open. */
    private static String context(IdempotencyRecord.Id id) {
        return "idempotency:" + id.credentialId() + ":" + id.keyHash();
    }
}
