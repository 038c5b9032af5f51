/**
 * The provider plugin SPI: plain Java 17. A {@link dev.latchkey.providers.ProviderFactory},
 * registered in {@code META-INF/services}, describes one external API's OAuth and creates the
 * {@link dev.latchkey.providers.Provider} that talks to it. Vendor JSON never leaves a plugin:
 * everything crosses this boundary as the records of this package.
 */
package dev.latchkey.providers;
