package dev.latchkey.audit.control;

import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records refused uses of real credentials (revoked, expired, wrong secret, address not
 * allowed) in the owning team's log — at most one event per credential and reason per
 * {@link #WINDOW}, counting the ones it held back, so an attack cannot flood the log.
 * Tokens that match no credential belong to no team and only reach the server log.
 */
@ApplicationScoped
public class AuthFailureAudit {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final String ACTION = "auth.refused";

    private record Key(String credentialId, String reason) {
    }

    private static final class Window {
        Instant lastWritten;
        int suppressed;
    }

    private final ConcurrentMap<Key, Window> windows = new ConcurrentHashMap<>();

    @Inject
    AuditLog log;

    @Inject
    Clock clock;

    /** Records in its own transaction: the request itself fails and commits nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(@Observes CredentialRefused refusal) {
        Credential credential = refusal.credential();
        String reason = refusal.reason().wireName();
        Instant now = clock.instant();
        Window window = windows.computeIfAbsent(new Key(credential.id(), reason), k -> new Window());
        int held;
        synchronized (window) {
            if (window.lastWritten != null && window.lastWritten.plus(WINDOW).isAfter(now)) {
                window.suppressed++;
                return;
            }
            held = window.suppressed;
            window.suppressed = 0;
            window.lastWritten = now;
        }
        log.recordAs(Actor.ANONYMOUS, credential.teamId(), credential.siteId(), ACTION,
                new Target(credential.kind().wireName(), credential.id(), credential.name()),
                Map.of("reason", reason, "suppressed_since_last_event", held));
    }
}
