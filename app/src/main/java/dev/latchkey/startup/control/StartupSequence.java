package dev.latchkey.startup.control;

import dev.latchkey.audit.control.AuditRetention;
import dev.latchkey.audit.control.ChainHeadSealing;
import dev.latchkey.connections.control.ProviderRegistry;
import dev.latchkey.connections.control.RefreshSchedule;
import dev.latchkey.credentials.control.CredentialChanges;
import dev.latchkey.crypto.control.MasterKeyLoader;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.DatabaseSettings;
import dev.latchkey.database.control.Migrations;
import dev.latchkey.http.control.PublicUrl;
import dev.latchkey.oauth.control.SignatureProvider;
import dev.latchkey.oauth.control.SigningKeys;
import dev.latchkey.problems.control.StartupFailedException;
import dev.latchkey.ratelimit.control.Buckets;
import dev.latchkey.teams.control.Bootstrap;
import dev.latchkey.teams.control.OwnerRecovery;
import dev.latchkey.teams.control.OwnerRecoveryRefusedException;
import dev.latchkey.teams.control.Teams;
import dev.latchkey.usage.control.UsageCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;
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
    static final String RECOVERY_TOKEN_FILE = "recovery-token";
    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    Provider<MasterKeyRing> masterKeys;

    @Inject
    Migrations migrations;

    @Inject
    Bootstrap bootstrap;

    @Inject
    OwnerRecovery ownerRecovery;

    @Inject
    PublicUrl publicUrl;

    @Inject
    @ConfigProperty(name = "latchkey.master-key")
    Optional<String> configuredMasterKey;

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
            String masterKey = masterKeys.get().current().id();
            rateLimitBuckets.checkStore();
            migrate();
            restrictDataDirectoryToOwner();
            chainHeads.atStartup();
            Optional<Teams.Founded> founded = bootstrap.bootstrapIfEmpty();
            founded.ifPresent(this::keepBootstrapToken);
            Optional<OwnerRecovery.Recovered> recovered = recoverOwnerIfAsked();
            providers.load();
            signingKeys.ensureSigningKey();
            LOG.info(() -> "Access-token signatures: " + signatures.name());
            retention.start();
            refreshes.start();
            usage.start();
            credentialChanges.start();
            warnIfPublicUrlIsLoopbackOnly();
            LOG.info(banner(masterKey, founded, recovered)::text);
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

    /** The bootstrap token is written where automation can read it (0600), and shown nowhere. */
    private void keepBootstrapToken(Teams.Founded founded) {
        DataDirectory.fromConfig().writeOwnerOnly(BOOTSTRAP_TOKEN_FILE, founded.token().token());
    }

    /** Like the bootstrap token, the recovery token goes to a 0600 file and is shown nowhere. */
    private Optional<OwnerRecovery.Recovered> recoverOwnerIfAsked() {
        Optional<OwnerRecovery.Recovered> recovered;
        try {
            recovered = ownerRecovery.recoverIfAsked();
        } catch (RuntimeException e) {
            // The transaction interceptor may hand the refusal over wrapped.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OwnerRecoveryRefusedException refused) {
                    throw new StartupFailedException(refused.getMessage(), refused);
                }
            }
            throw e;
        }
        recovered.ifPresent(r -> DataDirectory.fromConfig().writeOwnerOnly(RECOVERY_TOKEN_FILE, r.token().token()));
        return recovered;
    }

    private StartupBanner banner(String masterKeyId, Optional<Teams.Founded> founded,
                                 Optional<OwnerRecovery.Recovered> recovered) {
        DataDirectory dataDirectory = DataDirectory.fromConfig();
        Path data = dataDirectory.root().toAbsolutePath().normalize();
        String masterKey = (configuredMasterKey.filter(key -> !key.isBlank()).isPresent() ? "from LATCHKEY_MASTER_KEY"
                : data.resolve(MasterKeyLoader.GENERATED_FILE).toString()) + " (id " + masterKeyId + ")";
        var providerLines = providers.all().stream()
                .map(provider -> provider.id() + (provider.configured() ? "" : " (not configured)")).toList();
        return new StartupBanner(publicUrl.base(), publicUrl.configured(), DatabaseSettings.fromConfig().describe(),
                data, masterKey, providerLines,
                founded.map(f -> f.team().id() + " with owner " + f.owner().email()).orElse(null),
                founded.map(f -> data.resolve(BOOTSTRAP_TOKEN_FILE)).orElse(null),
                recovered.map(r -> data.resolve(RECOVERY_TOKEN_FILE)).orElse(null),
                recovered.map(r -> r.owner().email() + " (team " + r.owner().teamId() + ", expires "
                        + r.token().credential().expiresAt() + ")").orElse(null));
    }

    /**
     * Payara Micro listens on every interface; without LATCHKEY_PUBLIC_URL the issuer and every link
     * name the loopback address, which no other machine can use. Said once, at startup.
     */
    private void warnIfPublicUrlIsLoopbackOnly() {
        if (!publicUrl.configured() && reachableBeyondLoopback()) {
            LOG.warning(() -> "LATCHKEY_PUBLIC_URL is not set: the OAuth issuer and every link say " + publicUrl.base()
                    + ", which only this machine can reach, while Latchkey listens on every interface. "
                    + "Set LATCHKEY_PUBLIC_URL to the URL clients use.");
        }
    }

    private static boolean reachableBeyondLoopback() {
        try {
            return NetworkInterface.networkInterfaces().anyMatch(StartupSequence::upAndNotLoopback);
        } catch (SocketException e) {
            return true;
        }
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
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
