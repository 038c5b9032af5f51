package dev.latchkey.connections.control;

import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.ScrubbingProvider;
import dev.latchkey.providers.profiles.ProfileProviderFactory;
import dev.latchkey.problems.control.StartupFailedException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The installed providers: those bundled in the jar (Java plugins and the shipped profiles), and
 * those in plugin jars and {@code *.json} profiles an admin puts in {@code latchkey.plugins-dir}
 * ({@code LATCHKEY_PLUGINS_DIR}, default {@code ./plugins}), loaded once at startup with no
 * rebuild. A broken jar or profile is logged and skipped; so is a provider written for another
 * provider SPI version, with one line saying so; two providers with one id stop startup. A
 * plugin's class loader sees the SPI package and the JDK only ({@link SpiOnlyClassLoader}).
 * Every provider is wrapped so its errors never name a secret ({@link ScrubbingProvider}) and
 * closed on shutdown.
 */
@ApplicationScoped
public class ProviderRegistry {

    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{0,31}");

    private final Map<String, InstalledProvider> installed = new LinkedHashMap<>();
    private final List<URLClassLoader> pluginLoaders = new ArrayList<>();

    /** Loads every provider; called once by the startup sequence. */
    public synchronized void load() {
        Config config = ConfigProvider.getConfig(ProviderRegistry.class.getClassLoader());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ClassLoader bundled = ProviderFactory.class.getClassLoader();
        for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, bundled)) {
            String refusal = SpiVersion.refusal(factory);
            if (refusal != null) {
                throw new StartupFailedException("bundled provider " + factory.getClass().getName() + ": " + refusal);
            }
            install(factory, "bundled", config, http);
        }
        Path directory = Path.of(config.getOptionalValue("latchkey.plugins-dir", String.class).orElse("plugins"));
        ClassLoader spiOnly = new SpiOnlyClassLoader(bundled);
        for (Path jar : jars(directory)) {
            loadPlugin(jar, spiOnly, config, http);
        }
        for (ProfileProviderFactory profile : PluginProfiles.in(directory)) {
            try {
                install(profile, profile.file().origin(), config, http);
            } catch (StartupFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Skipping provider profile {0}: {1}", new Object[]{profile.file().origin(), e.toString()});
            }
        }
        LOG.fine(() -> "Providers installed: " + installed.keySet());
    }

    public Collection<InstalledProvider> all() {
        return installed.values();
    }

    public Optional<InstalledProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : installed.get(id));
    }

    private void loadPlugin(Path jar, ClassLoader parent, Config config, HttpClient http) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, parent);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Skipping plugin {0}: {1}", new Object[]{jar, e.getMessage()});
            return;
        }
        List<ProviderFactory> found = new ArrayList<>();
        try {
            for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, loader)) {
                // The parent's (bundled) providers are visible through this loader too: skip them.
                if (factory.getClass().getClassLoader() == loader) {
                    found.add(factory);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            LOG.log(Level.WARNING, "Skipping broken plugin {0}: {1}", new Object[]{jar, e.getMessage()});
            close(loader);
            return;
        }
        if (found.isEmpty()) {
            LOG.log(Level.WARNING, "Skipping plugin {0}: it declares no provider", jar);
            close(loader);
            return;
        }
        pluginLoaders.add(loader);
        for (ProviderFactory factory : found) {
            String refusal = SpiVersion.refusal(factory);
            if (refusal != null) {
                LOG.log(Level.WARNING, "Refusing provider {0} of plugin {1}: {2}",
                        new Object[]{factory.getClass().getName(), jar.getFileName(), refusal});
                continue;
            }
            try {
                install(factory, jar.getFileName().toString(), config, http);
            } catch (StartupFailedException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Skipping a provider of plugin {0}: {1}", new Object[]{jar, e.toString()});
            }
        }
    }

    private void install(ProviderFactory factory, String source, Config config, HttpClient http) {
        String id = factory.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new StartupFailedException("provider " + factory.getClass().getName() + " from " + source
                    + " has an invalid id '" + id + "' (lower-case letters and digits)");
        }
        InstalledProvider existing = installed.get(id);
        if (existing != null) {
            throw new StartupFailedException("two providers have the id '" + id + "': " + existing.source()
                    + " and " + source + "; remove one of them");
        }
        ProviderConfig settings = ProviderSettings.of(id, config);
        Provider provider = ScrubbingProvider.wrap(factory.create(settings, http), settings, factory.settings());
        installed.put(id, new InstalledProvider(factory, provider, source, settings));
    }

    /** Closes every provider, then the plugins' class loaders. */
    @PreDestroy
    public synchronized void close() {
        for (InstalledProvider provider : installed.values()) {
            try {
                provider.provider().close();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Closing provider {0} failed: {1}", new Object[]{provider.id(), e.toString()});
            }
        }
        installed.clear();
        pluginLoaders.forEach(ProviderRegistry::close);
        pluginLoaders.clear();
    }

    private static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new StartupFailedException("cannot read the plugins directory " + directory.toAbsolutePath(), e);
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a skipped plugin", e);
        }
    }
}
