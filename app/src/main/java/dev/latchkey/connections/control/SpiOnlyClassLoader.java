package dev.latchkey.connections.control;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin's class loader: it shows a plugin the provider SPI (the classes of
 * package {@code dev.latchkey.providers}, not its sub-packages) and the JDK, and nothing else of
 * Latchkey. A plugin bundles whatever else it needs, and its copies never meet Latchkey's.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    static final String SPI_PACKAGE = "dev.latchkey.providers";

    private final ClassLoader spi;

    SpiOnlyClassLoader(ClassLoader spi) {
        super("latchkey-provider-spi", ClassLoader.getPlatformClassLoader());
        this.spi = spi;
    }

    static boolean isSpi(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && className.substring(0, dot).equals(SPI_PACKAGE);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isSpi(name)) {
            return spi.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /** Only the JDK's resources: never Latchkey's own {@code META-INF/services} or configuration. */
    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> platform = getParent().getResources(name);
        return platform == null ? Collections.emptyEnumeration() : platform;
    }
}
