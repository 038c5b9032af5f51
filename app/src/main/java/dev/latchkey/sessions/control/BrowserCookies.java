package dev.latchkey.sessions.control;

import jakarta.ws.rs.core.Cookie;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/**
 * The cookies Latchkey sets in a browser, all by one rule: {@code __Host-} prefixed,
 * {@code Secure}, {@code Path=/}, {@code HttpOnly}, {@code SameSite=Lax}, no {@code Domain}
 * (so no other host, not even a subdomain, can set or read them). Browsers accept
 * {@code __Host-} only with {@code Secure}, and keep no {@code Secure} cookie from plain http;
 * so on plain http to a loopback address (a developer's machine, the tests) the same cookie is
 * set without the prefix and without {@code Secure}. Anywhere else plain http gets no working
 * cookie, by design: a session must not travel in clear over a network.
 */
public final class BrowserCookies {

    private BrowserCookies() {
    }

    /** Whether the request was made over plain http to a loopback host. */
    public static boolean plainLoopback(URI request) {
        if (!"http".equalsIgnoreCase(request.getScheme()) || request.getHost() == null) {
            return false;
        }
        String host = request.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** The cookie's name for a request: {@code __Host-latchkey_<base>}, or {@code latchkey_<base>} on loopback http. */
    public static String name(String base, URI request) {
        return (plainLoopback(request) ? "" : "__Host-") + "latchkey_" + base;
    }

    /** A {@code Set-Cookie} value; the value must be a cookie-safe token (base64url). */
    public static String set(String base, String value, Duration maxAge, URI request) {
        return name(base, request) + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + (plainLoopback(request) ? "" : "; Secure") + "; HttpOnly; SameSite=Lax";
    }

    /** A {@code Set-Cookie} value that deletes the cookie. */
    public static String clear(String base, URI request) {
        return set(base, "", Duration.ZERO, request);
    }

    /** The cookie's value among a JAX-RS request's cookies, if it carries one that could be ours. */
    public static Optional<String> read(String base, Map<String, ? extends Cookie> cookies, URI request) {
        return read(base, name -> Optional.ofNullable(cookies.get(name)).map(Cookie::getValue).orElse(null), request);
    }

    /** The cookie's value in this request, if it carries one that could be ours. */
    public static Optional<String> read(String base, Function<String, String> valueOf, URI request) {
        String value = valueOf.apply(name(base, request));
        return value != null && value.matches("[A-Za-z0-9_-]{43}") ? Optional.of(value) : Optional.empty();
    }
}
