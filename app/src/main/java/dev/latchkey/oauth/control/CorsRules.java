package dev.latchkey.oauth.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CORS for browser clients of the OAuth server (the Fetch standard's CORS protocol), one table:
 * <ul>
 * <li>metadata and JWKS are the same for everyone and carry no credential: {@code *};</li>
 * <li>the token and revocation endpoints learn the client only from the request itself, so a
 * preflight is allowed for an origin some client of the instance registered, and the actual
 * answer names the origin only when it is one of the authenticated client's: a page of another
 * origin can send nothing it could not send with a form, and reads nothing.</li>
 * </ul>
 * {@code Access-Control-Allow-Credentials} is never sent (no cookie is read here), so
 * {@code *} never meets credentials; answers that depend on the origin say {@code Vary: Origin}.
 * The OIDC userinfo endpoint is a client route too ({@link Kind#CLIENT_READ}): its bearer token
 * names the client, told to {@link RequestClient}.
 */
public final class CorsRules {

    /** How a route answers other origins. */
    public enum Kind {
        PUBLIC("GET, HEAD", "Accept, Content-Type"),
        CLIENT("POST", "Authorization, Content-Type, Accept"),
        /** A client route that is also read with GET (UserInfo). */
        CLIENT_READ("GET, POST", "Authorization, Content-Type, Accept");

        private final String methods;
        private final String headers;

        Kind(String methods, String headers) {
            this.methods = methods;
            this.headers = headers;
        }

        /** Whether the answer depends on the calling client's registered origins. */
        public boolean forClients() {
            return this != PUBLIC;
        }
    }

    static final String MAX_AGE_SECONDS = "600";
    static final String EXPOSED = "X-Request-Id, WWW-Authenticate, Retry-After";
    private static final Map<String, Kind> ROUTES = Map.of(
            "oauth/token", Kind.CLIENT,
            "oauth/revoke", Kind.CLIENT,
            "oauth/userinfo", Kind.CLIENT_READ,
            "oauth/jwks", Kind.PUBLIC,
            ".well-known/oauth-authorization-server", Kind.PUBLIC,
            ".well-known/openid-configuration", Kind.PUBLIC);

    private CorsRules() {
    }

    /** The kind of a path (without leading or trailing slash), or empty: no CORS there. */
    public static Optional<Kind> routeOf(String path) {
        return Optional.ofNullable(ROUTES.get(path));
    }

    /** The headers answering a preflight; empty when the origin may not call at all. */
    public static Map<String, String> preflight(Kind kind, String origin, boolean registeredByAnyClient) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (kind.forClients() && !registeredByAnyClient) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", kind == Kind.PUBLIC ? "*" : origin);
        headers.put("Access-Control-Allow-Methods", kind.methods);
        headers.put("Access-Control-Allow-Headers", kind.headers);
        headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        if (kind.forClients()) {
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    /**
     * The headers of an actual answer to a request that sent {@code Origin} (a CLIENT route's
     * answers also carry {@code Vary: Origin}, sent or not).
     */
    public static Map<String, String> actual(Kind kind, String origin, boolean originOfTheClient) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (kind.forClients() && !originOfTheClient) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", kind == Kind.PUBLIC ? "*" : origin);
        headers.put("Access-Control-Expose-Headers", EXPOSED);
        return headers;
    }
}
