package dev.latchkey.oauth.control;

import dev.latchkey.crypto.control.Digests;
import dev.latchkey.http.control.PublicUrl;
import dev.latchkey.oauth.entity.UsedForm;
import dev.latchkey.sessions.control.BrowserCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The CSRF rules of the sign-in and consent form, in one place. A form is shown with a
 * short-lived browser cookie (the pre-session, {@link #COOKIE}) and carries its hash and a
 * one-time id; a post is accepted only from the same browser (the cookie matches), once (the
 * id is spent), and, when the browser says where it posts from ({@code Origin}, else
 * {@code Referer}), only from Latchkey's own origin. A login CSRF (an attacker's form posted
 * from the victim's browser) and a replayed form therefore give no code.
 */
@ApplicationScoped
public class AuthorizeForms {

    /** The pre-session cookie's base name. */
    public static final String COOKIE = "form";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A form to show, and the pre-session cookie value the browser keeps (reused while it has one). */
    public record Shown(FormBinding binding, String cookie) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PublicUrl publicUrl;

    /** Binds a new form to this browser's pre-session (a new one if it has none) and, optionally, a session. */
    public Shown show(Optional<String> browserCookie, String sessionId) {
        String cookie = browserCookie.orElseGet(AuthorizeForms::random);
        return new Shown(new FormBinding(random(), Digests.sha256Hex(cookie), sessionId), cookie);
    }

    /**
     * Accepts a posted form once, from the browser it was shown to; otherwise an error shown to
     * the user. Runs in the caller's transaction, and is not itself {@code @Transactional}: its
     * refusal must not mark that transaction for rollback (the caller answers with a page).
     */
    public void accept(FormBinding binding, Optional<String> browserCookie) {
        boolean sameBrowser = browserCookie.isPresent() && MessageDigest.isEqual(
                Digests.sha256Hex(browserCookie.get()).getBytes(StandardCharsets.US_ASCII),
                binding.browserHash().getBytes(StandardCharsets.US_ASCII));
        if (!sameBrowser) {
            throw AuthorizationError.shown("This sign-in form was not shown to this browser; start again from "
                    + "the application");
        }
        String hash = Digests.sha256Hex(binding.formId());
        if (em.find(UsedForm.class, hash) != null) {
            throw AuthorizationError.shown("This sign-in form was already used; start again from the application");
        }
        var now = clock.instant();
        em.createQuery("delete from UsedForm u where u.expiresAt < :now").setParameter("now", now).executeUpdate();
        em.persist(new UsedForm(hash, now.plus(AuthorizationRequests.FORM_LIFETIME)));
        em.flush();
    }

    /**
     * Whether a post comes from Latchkey's own origin, as far as the browser says: {@code Origin},
     * else the {@code Referer}'s origin, must be the public URL's (or, on plain-http loopback, a
     * developer's machine, the origin the request was sent to). A request with neither header is
     * not a browser's form post and is left to the other checks. {@code Origin: null} is refused.
     */
    public boolean fromOwnOrigin(String origin, String referer, URI requestBase) {
        String claimed = origin != null ? origin : referer;
        if (claimed == null) {
            return true;
        }
        Optional<String> from = originOf(claimed);
        return from.isPresent() && (from.equals(originOf(publicUrl.base()))
                || BrowserCookies.plainLoopback(requestBase) && from.equals(originOf(requestBase.toString())));
    }

    static Optional<String> originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() == -1 ? ("https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1)
                    : uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
