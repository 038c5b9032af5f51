package dev.latchkey.crypto.control;

import dev.latchkey.database.control.DataDirectory;
import dev.latchkey.database.control.DatabaseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the master key ring and the two things built on it available for injection. */
@ApplicationScoped
public class Keys {

    @Inject
    @ConfigProperty(name = "latchkey.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "latchkey.master-key.retired")
    Optional<String> retiredKeys;

    @Inject
    MasterKeysInUse keysInUse;

    @Produces
    @Singleton
    MasterKeyRing ring() {
        return MasterKeyLoader.load(masterKey, retiredKeys, DatabaseSettings.fromConfig(), DataDirectory.fromConfig(),
                keysInUse::find);
    }

    @Produces
    @Singleton
    SecretBox secretBox(MasterKeyRing ring) {
        return new SecretBox(ring);
    }

    @Produces
    @Singleton
    KeyedHasher secretHasher(MasterKeyRing ring) {
        return new KeyedHasher(ring, KeyedHasher.CREDENTIALS);
    }
}
