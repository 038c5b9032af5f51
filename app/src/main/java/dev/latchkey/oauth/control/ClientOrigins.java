package dev.latchkey.oauth.control;

import dev.latchkey.credentials.control.CredentialCache;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web origins a client's browser pages may call the token and revocation endpoints from
 * (CORS): those set on the client ({@code allowed_origins}), or else the origins of its https
 * and loopback redirect URIs, where a browser app lives. An origin is compared exactly, as the
 * browser sends it: lower case, no path, no default port.
 */
@ApplicationScoped
public class ClientOrigins {

    static final String FIELD = "allowed_origins";
    private static final String CACHE_KEY = "oauth-client-origins";
    private static final Pattern ORIGIN = Pattern.compile(
            "https://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\\d{1,5})?|http://(127\\.0\\.0\\.1|\\[::1]|localhost)(:\\d{1,5})?");

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialCache cache;

    /** The client's origins: explicit, or derived from its redirect URIs. */
    public static List<String> of(OAuthClient client) {
        List<String> explicit = client.explicitOrigins();
        return explicit != null ? explicit
                : client.redirectUris().stream().flatMap(uri -> RedirectUris.origin(uri).stream()).distinct().toList();
    }

    /**
     * Refuses (400 naming {@code allowed_origins}) anything but an https origin or a loopback
     * http one ({@code localhost} too: an origin only lets a page read answers, it receives no
     * code). Never {@code *} or {@code null}.
     */
    public static void requireValid(String origin) {
        if (origin == null || !ORIGIN.matcher(origin).matches() || origin.endsWith(":443") || origin.endsWith(":80")) {
            throw new InvalidInputException(FIELD, "'" + origin + "' must be an origin as a browser sends it: "
                    + "https://host[:port] in lower case without path or default port, or http on 127.0.0.1, [::1] "
                    + "or localhost");
        }
    }

    /**
     * Whether some client of this instance allows the origin: the question a preflight asks,
     * before the request says which client it is. Cached until clients change.
     */
    public boolean registeredByAnyClient(String origin) {
        Set<String> known = cache.get(CACHE_KEY);
        if (known == null) {
            long generation = cache.generation();
            known = new HashSet<>();
            for (OAuthClient client : em.createQuery("select c from OAuthClient c", OAuthClient.class).getResultList()) {
                known.addAll(of(client));
            }
            cache.put(CACHE_KEY, generation, Set.copyOf(known));
        }
        return known.contains(origin);
    }
}
