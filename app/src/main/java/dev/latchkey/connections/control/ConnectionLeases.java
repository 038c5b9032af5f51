package dev.latchkey.connections.control;

import dev.latchkey.connections.entity.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * A row lease on a connection: whoever sets {@code lease_owner} with one conditional UPDATE
 * refreshes it, on whatever instance it runs; the others see 0 rows changed. The lease expires
 * by itself, so a crashed instance never blocks a connection for long. Each call is its own
 * short transaction: no transaction is held while the provider is called.
 */
@ApplicationScoped
public class ConnectionLeases {

    static final Duration LEASE = Duration.ofSeconds(60);

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String connectionId, String owner, Instant now) {
        return em.createQuery("update Connection c set c.leaseOwner = :owner, c.leaseUntil = :until "
                        + "where c.id = :id and (c.leaseUntil is null or c.leaseUntil < :now)")
                .setParameter("owner", owner)
                .setParameter("until", now.plus(LEASE))
                .setParameter("id", connectionId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Whether someone holds the lease now (a refresh is under way). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean held(String connectionId, Instant now) {
        Connection connection = em.find(Connection.class, connectionId);
        return connection != null && em.createQuery("select count(c) from Connection c where c.id = :id "
                        + "and c.leaseUntil is not null and c.leaseUntil >= :now", Long.class)
                .setParameter("id", connectionId).setParameter("now", now).getSingleResult() > 0;
    }

    /** Ends a lease; only its owner can. Called in the transaction that saves the outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String connectionId, String owner) {
        em.createQuery("update Connection c set c.leaseOwner = null, c.leaseUntil = null "
                        + "where c.id = :id and c.leaseOwner = :owner")
                .setParameter("id", connectionId).setParameter("owner", owner).executeUpdate();
    }
}
