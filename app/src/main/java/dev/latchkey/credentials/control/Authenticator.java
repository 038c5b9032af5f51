package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.problems.control.NotAuthenticatedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates a presented token of any kind: shape and checksum first (no database work
 * for garbage), then one lookup by public id, a constant-time comparison of the keyed hash,
 * and the revoked/expired checks. The kind's {@link CallerFactory} builds the caller.
 */
@ApplicationScoped
public class Authenticator {

    static final String INVALID = "Invalid credential provided";

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyedHasher hasher;

    @Inject
    Instance<CallerFactory> factories;

    @Inject
    LastUsedRecorder lastUsed;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialRefused> refusals;

    private final Map<CredentialKind, CallerFactory> byKind = new EnumMap<>(CredentialKind.class);

    @PostConstruct
    void collectFactories() {
        for (CallerFactory factory : factories) {
            if (byKind.putIfAbsent(factory.kind(), factory) != null) {
                throw new IllegalStateException("two caller factories for " + factory.kind());
            }
        }
    }

    public Caller authenticate(String presented) {
        TokenFormat.Token token = TokenFormat.parse(presented)
                .orElseThrow(() -> new NotAuthenticatedException(INVALID + " (malformed token)"));
        CredentialKind kind = CredentialKind.forPrefix(token.prefix())
                .orElseThrow(() -> new NotAuthenticatedException(INVALID + " (unknown token prefix)"));
        CallerFactory factory = byKind.get(kind);
        if (factory == null) {
            throw new NotAuthenticatedException(INVALID);
        }
        Credential credential = em.find(Credential.class, Credential.idFor(token.publicId()));
        if (credential == null || credential.kind() != kind) {
            throw new NotAuthenticatedException(INVALID);
        }
        if (!hasher.matches(token.value(), credential.hashKeyId(), credential.secretHash())) {
            refusals.fire(new CredentialRefused(credential, "wrong_secret"));
            throw new NotAuthenticatedException(INVALID);
        }
        var now = clock.instant();
        switch (credential.status(now)) {
            case "revoked" -> {
                refusals.fire(new CredentialRefused(credential, "revoked"));
                throw new NotAuthenticatedException("This credential has been revoked");
            }
            case "expired" -> {
                refusals.fire(new CredentialRefused(credential, "expired"));
                throw new NotAuthenticatedException("This credential has expired");
            }
            default -> { }
        }
        Optional<Caller> caller = factory.callerFor(credential);
        if (caller.isEmpty()) {
            throw new NotAuthenticatedException(INVALID);
        }
        if (lastUsed.isDue(credential, now)) {
            lastUsed.write(credential.id(), now);
        }
        return caller.get();
    }
}
