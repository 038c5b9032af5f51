package dev.latchkey.oauth.control;

import dev.latchkey.problems.control.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for redirect URIs: which may be registered, and which presented URI a
 * registered one accepts.
 * <p>
 * Registration (RFC 6749 §3.1.2, RFC 9700 §4.1, RFC 8252 §7): {@code https} with a host;
 * {@code http} only for the loopback IP literals {@code 127.0.0.1} and {@code [::1]} (not
 * {@code localhost}, which RFC 8252 §8.3 advises against: a name can be resolved elsewhere);
 * or a native app's private-use scheme in reverse-DNS form (RFC 8252 §7.1: it contains a
 * dot, so {@code javascript:}, {@code data:}, {@code file:} and {@code vbscript:} never
 * qualify). No fragment, no user info, no wildcard. The scheme must already be lower case:
 * matching is by exact string, so {@code HTTP://…} is refused rather than silently rewritten
 * into something the client never sends.
 * <p>
 * Matching is exact, except that for a loopback IP literal the port may differ (RFC 8252
 * §7.3: native apps bind an ephemeral port).
 */
public final class RedirectUris {

    static final String FIELD = "redirect_uris";
    private static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]");
    private static final Set<String> NEVER = Set.of("javascript", "data", "file", "vbscript", "about", "blob");
    private static final Pattern LOOPBACK = Pattern.compile("http://(127\\.0\\.0\\.1|\\[::1])(?::(\\d{1,5}))?([/?].*)?");
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+");

    private RedirectUris() {
    }

    /** Refuses (400 naming {@code redirect_uris}) a URI no client may register. */
    public static void requireRegistrable(String uri) {
        String problem = problemWith(uri);
        if (problem != null) {
            throw new InvalidInputException(FIELD, "'" + uri + "' " + problem);
        }
    }

    /** Whether a presented redirect URI is one of the registered ones (RFC 8252 §7.3 for loopback ports). */
    public static boolean accepts(List<String> registered, String presented) {
        return presented != null && registered.stream().anyMatch(r -> matches(r, presented));
    }

    static boolean matches(String registered, String presented) {
        if (registered.equals(presented)) {
            return true;
        }
        Matcher r = LOOPBACK.matcher(registered);
        Matcher p = LOOPBACK.matcher(presented);
        return r.matches() && p.matches() && r.group(1).equals(p.group(1)) && validPort(p.group(2))
                && java.util.Objects.equals(r.group(3), p.group(3));
    }

    /**
     * The web origin ({@code scheme://host[:port]}) of an http(s) redirect URI, as a browser
     * sends it in {@code Origin}; empty for a native app's private-use scheme.
     */
    public static Optional<String> origin(String uri) {
        try {
            URI parsed = new URI(uri);
            if (!"https".equals(parsed.getScheme()) && !"http".equals(parsed.getScheme())) {
                return Optional.empty();
            }
            int port = parsed.getPort();
            boolean defaultPort = port == ("https".equals(parsed.getScheme()) ? 443 : 80);
            return Optional.of(parsed.getScheme() + "://" + parsed.getHost()
                    + (port < 0 || defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean validPort(String port) {
        return port == null || Integer.parseInt(port) <= 65535;
    }

    private static String problemWith(String uri) {
        if (uri == null || uri.isBlank()) {
            return "is empty";
        }
        if (uri.length() > MAX_LENGTH || uri.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return "must be at most " + MAX_LENGTH + " printable ASCII characters, without spaces";
        }
        if (uri.contains("*")) {
            return "must not contain a wildcard: redirect URIs are matched exactly";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "is not a URI";
        }
        String scheme = parsed.getScheme();
        if (scheme == null) {
            return "must be an absolute URI";
        }
        if (!scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
            return "must have a lower-case scheme ('" + scheme.toLowerCase(Locale.ROOT) + "'): redirect URIs are "
                    + "compared exactly";
        }
        if (NEVER.contains(scheme)) {
            return "uses a scheme that can never be a redirect target";
        }
        if (parsed.getRawFragment() != null || uri.contains("#")) {
            return "must not have a fragment (RFC 6749 §3.1.2)";
        }
        if (parsed.getRawUserInfo() != null || (parsed.getRawAuthority() != null && parsed.getRawAuthority().contains("@"))) {
            return "must not carry user info";
        }
        return switch (scheme) {
            case "https" -> parsed.getHost() == null ? "must name a host" : null;
            case "http" -> LOOPBACK_HOSTS.contains(parsed.getHost()) && LOOPBACK.matcher(uri).matches() ? null
                    : "must use https; plain http only for the loopback addresses 127.0.0.1 and [::1] "
                    + "(RFC 8252 §7.3; not 'localhost', §8.3)";
            default -> PRIVATE_SCHEME.matcher(scheme).matches() ? null
                    : "must use https, a loopback http address, or a native app's private-use scheme in reverse-DNS "
                    + "form such as 'com.example.app:/callback' (RFC 8252 §7.1)";
        };
    }
}
