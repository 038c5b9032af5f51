package dev.latchkey.startup.control;

import dev.latchkey.credentials.control.CredentialChanges;
import dev.latchkey.audit.control.AuditRetention;
import dev.latchkey.audit.control.ChainHeadSealing;
import dev.latchkey.connections.control.ProviderRegistry;
import dev.latchkey.connections.control.RefreshSchedule;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.oauth.control.SignatureProvider;
import dev.latchkey.ratelimit.control.Buckets;
import dev.latchkey.usage.control.UsageCounter;
import dev.latchkey.oauth.control.SigningKeys;
import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.Migrations;
import dev.latchkey.teams.control.Bootstrap;
import dev.latchkey.teams.control.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once the application is deployed and before it is reported ready: checks the master
 * key, migrates the database, and bootstraps an empty one. Anything wrong stops the process
 * with one line saying what ({@code latchkey.startup.exit-on-failure}, default true).
 */
@ApplicationScoped
public class StartupSequence {

    static final String BOOTSTRAP_TOKEN_FILE = "bootstrap-token";
    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    Provider<MasterKeyRing> masterKeys;

    @Inject
    Migrations migrations;

    @Inject
    Bootstrap bootstrap;

    @Inject
    AuditRetention retention;

    @Inject
    ChainHeadSealing chainHeads;

    @Inject
    ProviderRegistry providers;

    @Inject
    RefreshSchedule refreshes;

    @Inject
    SigningKeys signingKeys;

    @Inject
    SignatureProvider signatures;

    @Inject
    UsageCounter usage;

    @Inject
    CredentialChanges credentialChanges;

    @Inject
    Buckets rateLimitBuckets;

    @Inject
    @ConfigProperty(name = "latchkey.startup.exit-on-failure", defaultValue = "true")
    boolean exitOnFailure;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            LOG.info(() -> "Master key " + masterKeys.get().current().id() + " in use");
            rateLimitBuckets.checkStore();
            migrate();
            restrictDataDirectoryToOwner();
            chainHeads.atStartup();
            bootstrap.bootstrapIfEmpty().ifPresent(this::announce);
            providers.load();
            signingKeys.ensureSigningKey();
            LOG.info(() -> "Access-token signatures: " + signatures.name());
            retention.start();
            refreshes.start();
            usage.start();
            credentialChanges.start();
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    private void migrate() {
        try {
            migrations.apply();
        } catch (RuntimeException e) {
            throw new StartupFailedException("database migration failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** The database is open by now: the data directory becomes 0700 and its files, the database's too, 0600. */
    private void restrictDataDirectoryToOwner() {
        DataDirectory dataDirectory = DataDirectory.fromConfig();
        try {
            dataDirectory.restrictToOwner();
        } catch (java.io.IOException e) {
            LOG.warning(() -> "Could not make " + dataDirectory.root() + " and its files owner-only: " + e);
        }
    }

    /** The bootstrap token is shown this once, and kept where automation can read it (0600). */
    private void announce(Teams.Founded founded) {
        DataDirectory dataDirectory = DataDirectory.fromConfig();
        dataDirectory.writeOwnerOnly(BOOTSTRAP_TOKEN_FILE, founded.token().token());
        LOG.info(() -> "\n\n  Latchkey bootstrapped team " + founded.team().id() + " with owner "
                + founded.owner().email() + ".\n  Bootstrap token (shown once; also in "
                + dataDirectory.resolve(BOOTSTRAP_TOKEN_FILE) + "):\n\n    " + founded.token().token() + "\n");
    }

    private void stop(RuntimeException failure) {
        String reason = failure instanceof StartupFailedException ? failure.getMessage() : rootCause(failure);
        LOG.log(Level.SEVERE, "Latchkey cannot start: {0}", reason);
        LOG.log(Level.FINE, "startup failure", failure);
        if (exitOnFailure) {
            // Exit from another thread: this one holds the deployment, which shutdown hooks wait for.
            Thread exit = new Thread(() -> System.exit(1), "latchkey-startup-exit");
            exit.setDaemon(true);
            exit.start();
        }
        throw failure;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
