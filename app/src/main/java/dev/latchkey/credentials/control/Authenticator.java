package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.CredentialRefused;
import dev.latchkey.credentials.entity.CredentialUsed;
import dev.latchkey.credentials.entity.Refusal;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.problems.control.NotAuthenticatedException;
import dev.latchkey.problems.control.NotPermittedException;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Authenticates a presented token of any kind: shape and checksum first (no database work
 * for garbage), then the credential by public id (from the {@link CredentialCache}, or one
 * lookup and the kind's {@link CallerFactory}), a constant-time comparison of the keyed hash,
 * the revoked/expired checks and the address allowlist. The secret is checked on every
 * request, cached or not.
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

    @Inject
    Instance<JwtVerifier> jwtVerifiers;

    @Inject
    CredentialCache cache;

    private final Map<CredentialKind, CallerFactory> byKind = new EnumMap<>(CredentialKind.class);

    /**
     * A stored credential as the cache keeps it: the row, the caller it makes (null when what
     * it acts for is gone), and whether its first use still has to be written.
     */
    private record Known(Credential credential, Caller caller, AtomicBoolean firstUsePending) {
    }

    /** A token that matched a stored credential, and why it is refused (empty: it is active). */
    private record Match(Known known, Optional<Refusal> refusal) {
        Credential credential() {
            return known.credential();
        }
    }

    @PostConstruct
    void collectFactories() {
        for (CallerFactory factory : factories) {
            if (byKind.putIfAbsent(factory.kind(), factory) != null) {
                throw new IllegalStateException("two caller factories for " + factory.kind());
            }
        }
    }

    /**
     * The caller for a request from {@code clientAddress}, or a domain exception: 401 for a
     * token that is not valid now, 403 for a valid one used from an address it does not allow.
     */
    public Caller authenticate(String presented, String clientAddress) {
        if (JwtVerifier.looksLikeJwt(presented)) {
            return jwt().verifyBearer(presented).orElseThrow(() -> new NotAuthenticatedException(INVALID));
        }
        Check check = check(presented, clientAddress, credential -> true);
        return switch (check.outcome()) {
            case VALID -> check.caller();
            case REVOKED -> throw new NotAuthenticatedException("This credential has been revoked");
            case EXPIRED -> throw new NotAuthenticatedException("This credential has expired");
            case ADDRESS_NOT_ALLOWED -> throw new NotPermittedException("Requests from " + clientAddress
                    + " are not allowed for this credential");
            case DISABLED -> throw new NotAuthenticatedException(check.credential() != null
                    && check.credential().disabledAt() != null ? "This credential is disabled" : INVALID);
            case NOT_FOUND -> throw new NotAuthenticatedException(INVALID);
        };
    }

    /** How a presented opaque token fared; see {@link #check}. */
    public enum Outcome { VALID, NOT_FOUND, REVOKED, EXPIRED, ADDRESS_NOT_ALLOWED, DISABLED }

    /** The outcome, and for a valid token its credential and caller. */
    public record Check(Outcome outcome, Credential credential, Caller caller) {
    }

    /**
     * Checks an opaque token (not a JWT) presented from {@code clientAddress} (null when unknown:
     * then only a credential without an allowlist passes): the one path behind authentication and
     * key verification. A token whose credential is not {@code visible} is {@code NOT_FOUND}, with no
     * side effect; otherwise a refusal is recorded ({@link CredentialRefused}) and a valid use noted
     * ({@link LastUsedRecorder}: {@code last_used_at} and usage).
     */
    public Check check(String presented, String clientAddress, java.util.function.Predicate<Credential> visible) {
        Match match = match(presented).filter(m -> visible.test(m.credential())).orElse(null);
        if (match == null) {
            return new Check(Outcome.NOT_FOUND, null, null);
        }
        Credential credential = match.credential();
        if (match.refusal().isPresent()) {
            Refusal refusal = match.refusal().get();
            refusals.fire(new CredentialRefused(credential, refusal));
            return switch (refusal) {
                case WRONG_SECRET -> new Check(Outcome.NOT_FOUND, null, null);
                case REVOKED -> new Check(Outcome.REVOKED, credential, null);
                case EXPIRED -> new Check(Outcome.EXPIRED, credential, null);
                case DISABLED -> new Check(Outcome.DISABLED, credential, null);
                case ADDRESS_NOT_ALLOWED -> throw new IllegalStateException("a match never carries it: addresses are checked below");
            };
        }
        if (!credential.allowsAddress(clientAddress)) {
            refusals.fire(new CredentialRefused(credential, Refusal.ADDRESS_NOT_ALLOWED));
            lastUsed.refused(credential.id(), CredentialUsed.Outcome.ADDRESS_REFUSED);
            return new Check(Outcome.ADDRESS_NOT_ALLOWED, credential, null);
        }
        Caller caller = match.known().caller();
        if (caller == null) {
            return new Check(Outcome.DISABLED, credential, null);
        }
        lastUsed.used(credential.id(), match.known().firstUsePending().getAndSet(false), clock.instant());
        return new Check(Outcome.VALID, credential, caller);
    }

    /**
     * The caller a token would be, if it is valid now; no side effects (for introspection,
     * which must not count as a use nor tell why a token is inactive).
     */
    public Optional<Caller> inspect(String presented) {
        if (JwtVerifier.looksLikeJwt(presented)) {
            return jwt().verify(presented);
        }
        return match(presented)
                .filter(m -> m.refusal().isEmpty())
                .map(m -> m.known().caller());
    }

    private JwtVerifier jwt() {
        return jwtVerifiers.isResolvable() ? jwtVerifiers.get() : jwt -> Optional.empty();
    }

    private Optional<Match> match(String presented) {
        Optional<TokenFormat.Token> parsed = TokenFormat.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        TokenFormat.Token token = parsed.get();
        Optional<CredentialKind> kind = CredentialKind.forPrefix(token.prefix());
        CallerFactory factory = kind.map(byKind::get).orElse(null);
        if (factory == null) {
            return Optional.empty();
        }
        Known known = known(Credential.idFor(token.publicId()), factory);
        if (known == null) {
            return Optional.empty();
        }
        Credential credential = known.credential();
        if (credential.kind() != kind.get() || !token.prefix().equals(credential.prefix())) {
            return Optional.empty();
        }
        if (!hasher.matches(token.value(), credential.hashKeyId(), credential.secretHash())) {
            return Optional.of(new Match(known, Optional.of(Refusal.WRONG_SECRET)));
        }
        return Optional.of(new Match(known, Refusal.of(credential.status(clock.instant()))));
    }

    private Known known(String credentialId, CallerFactory factory) {
        String key = "credential:" + credentialId;
        Known known = cache.get(key);
        if (known == null) {
            long generation = cache.generation();
            Credential credential = em.find(Credential.class, credentialId);
            if (credential == null) {
                return null;
            }
            Caller caller = credential.kind() == factory.kind() ? factory.callerFor(credential).orElse(null) : null;
            known = new Known(credential, caller, new AtomicBoolean(credential.firstUsedAt() == null));
            cache.put(key, generation, known);
        }
        return known;
    }
}
