package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A row lease on a connection: whoever takes it refreshes the connection, on whatever instance
 * it runs. Taking it also writes the durable "refresh in flight" marker ({@code
 * refresh_started_at}) before the provider is called. The lease is short and renewed while the
 * call runs ({@link LeaseKeeper}), so a dead holder blocks the connection for seconds only; whoever
 * then takes it over learns that the dead holder's refresh was interrupted. Each call is its own
 * short transaction: none is held while the provider is called.
 */
@ApplicationScoped
public class ConnectionLeases {

    static final Duration LEASE = Duration.ofSeconds(10);

    /** A lease taken; {@code interruptedAt} is when a dead holder's refresh started, or null. */
    public record Lease(String owner, Instant interruptedAt) {

        public boolean tookOverInterrupted() {
            return interruptedAt != null;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** Takes the lease unless someone holds it; empty when held (or the connection is gone). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Lease> acquire(String connectionId, String owner, Instant now) {
        Connection connection = em.find(Connection.class, connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (connection == null || (connection.leaseUntil() != null && !connection.leaseUntil().isBefore(now))) {
            return Optional.empty();
        }
        Instant interruptedAt = connection.refreshStartedAt();
        if (interruptedAt != null) {
            connection.refreshInterrupted(interruptedAt);
        }
        connection.lease(owner, now, now.plus(LEASE));
        return Optional.of(new Lease(owner, interruptedAt));
    }

    /** Extends a lease its owner still holds; false when it was lost. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String connectionId, String owner, Instant now) {
        return em.createQuery("update Connection c set c.leaseUntil = :until where c.id = :id and c.leaseOwner = :owner")
                .setParameter("until", now.plus(LEASE)).setParameter("id", connectionId).setParameter("owner", owner)
                .executeUpdate() == 1;
    }

    /** Whether someone holds the lease now (a refresh is under way). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean held(String connectionId, Instant now) {
        return em.createQuery("select count(c) from Connection c where c.id = :id "
                        + "and c.leaseUntil is not null and c.leaseUntil >= :now", Long.class)
                .setParameter("id", connectionId).setParameter("now", now).getSingleResult() > 0;
    }

    /** Ends a lease and its marker; only its owner can. Called in the transaction that saves the outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String connectionId, String owner) {
        em.createQuery("update Connection c set c.leaseOwner = null, c.leaseUntil = null, c.refreshStartedAt = null "
                        + "where c.id = :id and c.leaseOwner = :owner")
                .setParameter("id", connectionId).setParameter("owner", owner).executeUpdate();
    }
}
