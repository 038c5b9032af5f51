package dev.latchkey.connections.control;

import dev.latchkey.providers.ProviderFactory;

/**
 * Which provider SPI versions this Latchkey loads: the same major version, a minor version not
 * newer than its own ({@link ProviderFactory#SPI_VERSION}).
 */
final class SpiVersion {

    private SpiVersion() {
    }

    /** Null when {@code factory} can be loaded, else the one line that says why not. */
    static String refusal(ProviderFactory factory) {
        String declared;
        try {
            declared = factory.spiVersion();
        } catch (AbstractMethodError e) {
            return "it declares no provider SPI version (written before SPI 1.0); this Latchkey runs SPI "
                    + ProviderFactory.SPI_VERSION;
        }
        if (!compatible(declared, ProviderFactory.SPI_VERSION)) {
            return "it was written for provider SPI " + declared + "; this Latchkey runs SPI " + ProviderFactory.SPI_VERSION;
        }
        return null;
    }

    static boolean compatible(String declared, String running) {
        int[] d = parse(declared);
        int[] r = parse(running);
        return d != null && r != null && d[0] == r[0] && d[1] <= r[1];
    }

    private static int[] parse(String version) {
        if (version == null || !version.matches("\\d+\\.\\d+")) {
            return null;
        }
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
