package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.CredentialsChanged;
import dev.latchkey.database.control.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes changes to credentials count at once on every instance. A change empties this
 * instance's {@link CredentialCache} when it is flushed and again when its transaction ends,
 * and writes a row to {@code credential_changes} in the same transaction; every instance
 * polls that table ({@code latchkey.credentials.sync-millis}, 200) and empties its cache when
 * it sees a row it has not seen. A change can therefore never be lost, not even by a crash.
 */
@ApplicationScoped
public class CredentialChanges {

    private static final Logger LOG = Logger.getLogger(CredentialChanges.class.getName());
    private static final long KEEP_MILLIS = 3_600_000;
    private final OutageLog outage = new OutageLog(LOG, "Credential change sync");

    @Resource(lookup = "java:app/jdbc/latchkey")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CredentialCache cache;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "latchkey.credentials.sync-millis", defaultValue = "200")
    long syncMillis;

    private volatile String seen = "";
    private ScheduledFuture<?> task;
    private long lastPurge;

    public void start() {
        if (task == null) {
            seen = signature();
            task = scheduler.scheduleWithFixedDelay(this::sync, syncMillis, syncMillis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Records a change in the current transaction (or, outside one, empties this cache only). */
    /** An entity listener saw a change that can alter what a credential may do. */
    void on(@Observes CredentialsChanged change) {
        changed();
    }

    public void changed() {
        cache.invalidateAll();
        if (transactions.getTransactionKey() == null) {
            return;
        }
        String marker = CredentialChanges.class.getName();
        if (transactions.getResource(marker) != null) {
            return;
        }
        transactions.putResource(marker, Boolean.TRUE);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.invalidateAll();
                }
            });
        } catch (IllegalStateException completing) {
            // Flushed while the transaction completes: the poll below empties the cache after commit.
            LOG.log(Level.FINE, "no after-completion callback for a credential change", completing);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO credential_changes (changed_at) VALUES (?)")) {
            insert.setLong(1, clock.millis());
            insert.executeUpdate();
        } catch (SQLException e) {
            // Without its row, other instances would miss the change: fail the change instead.
            transactions.setRollbackOnly();
            throw new IllegalStateException("could not record a credential change", e);
        }
    }

    /** Empties the cache when another instance (or this one) committed a change since the last look. */
    void sync() {
        try {
            String now = signature();
            if (!now.equals(seen)) {
                seen = now;
                cache.invalidateAll();
            }
            purgeOldRows();
            outage.succeeded();
        } catch (RuntimeException e) {
            // The database is unreachable: nothing can be verified against it either; keep trying.
            cache.invalidateAll();
            outage.failed("Credential change sync failed; the cache is emptied and the sync retried", e);
        }
    }

    /**
     * Count and highest sequence together: transactions may commit out of sequence order, so
     * a row committed late with a lower number still changes the count.
     */
    private String signature() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM credential_changes");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) + "/" + row.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read credential_changes", e);
        }
    }

    private void purgeOldRows() {
        long now = clock.millis();
        if (now - lastPurge < 60_000) {
            return;
        }
        lastPurge = now;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM credential_changes WHERE changed_at < ?")) {
            delete.setLong(1, now - KEEP_MILLIS);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "credential_changes purge failed", e);
        }
    }
}
