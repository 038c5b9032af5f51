package dev.latchkey.http.control;

import dev.latchkey.launcher.Launcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How browsers and clients reach Latchkey: {@code latchkey.public-url} ({@code LATCHKEY_PUBLIC_URL}).
 * Unset, it is the loopback address on the port the jar listens on ({@code http://127.0.0.1:<port>};
 * RFC 8252 §8.3 prefers the IP literal to {@code localhost}). The OAuth issuer and every callback
 * derive from it.
 */
@ApplicationScoped
public class PublicUrl {

    static final int DEFAULT_PORT = 8080;

    @Inject
    @ConfigProperty(name = "latchkey.public-url")
    Optional<String> publicUrl;

    /** Set by the runnable jar's launcher from {@code --port}; Payara Micro's default otherwise. */
    @Inject
    @ConfigProperty(name = Launcher.PORT_PROPERTY, defaultValue = "8080")
    int listenerPort;

    public PublicUrl() {
    }

    /** For use outside the container. */
    public PublicUrl(String publicUrl) {
        this.publicUrl = Optional.of(publicUrl);
    }

    /** The base, without a trailing slash. */
    public String base() {
        return publicUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> loopback(listenerPort));
    }

    /** Whether the operator set the public URL, rather than it being derived from the listener. */
    public boolean configured() {
        return publicUrl.filter(url -> !url.isBlank()).isPresent();
    }

    public URI resolve(String path) {
        return URI.create(base() + path);
    }

    static String loopback(int port) {
        return "http://127.0.0.1:" + port;
    }
}
