package dev.latchkey.http.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How browsers and clients reach Latchkey: {@code latchkey.public-url} ({@code LATCHKEY_PUBLIC_URL},
 * default {@code http://localhost:8080}). The OAuth issuer and every callback derive from it.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "latchkey.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public PublicUrl() {
    }

    /** For use outside the container. */
    public PublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The base, without a trailing slash. */
    public String base() {
        return publicUrl.replaceAll("/+$", "");
    }

    public URI resolve(String path) {
        return URI.create(base() + path);
    }
}
