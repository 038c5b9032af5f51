package dev.latchkey.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.crypto.control.SecretBox;
import dev.latchkey.identifiers.entity.Base62;
import dev.latchkey.oauth.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The ES256 keys that sign access tokens. A new key is published in the JWKS before it signs
 * anything ({@code active_from} lies ahead), and a retired key stays published until every
 * token it signed has expired, so clients caching the JWKS never meet an unknown {@code kid}.
 * Keys are read from the database and cached for a minute, so a rotation made by one
 * instance reaches the others.
 */
@ApplicationScoped
public class SigningKeys {

    static final Duration CACHE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    /** A key as used in memory. */
    public record Loaded(String kid, ECKey key, Instant activeFrom, Instant retiredAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    @Inject
    AccessTokenSettings settings;

    @Inject
    AuditLog audit;

    private volatile List<Loaded> cache = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    /** Makes sure a key can sign now; called at startup. */
    @Transactional
    public void ensureSigningKey() {
        Instant now = clock.instant();
        boolean usable = em.createQuery("select count(k) from SigningKey k where k.retiredAt is null "
                + "and k.activeFrom <= :now", Long.class).setParameter("now", now).getSingleResult() > 0;
        if (!usable) {
            SigningKey created = create(now);
            LOG.info("Created the first access-token signing key (ES256)");
            // Signing keys belong to the instance; their changes are audited in the instance admin's team.
            em.createQuery("select m.teamId from Member m where m.instanceAdmin = true order by m.createdAt",
                            String.class).setMaxResults(1).getResultList()
                    .forEach(team -> audit.recordAs(Actor.SYSTEM, team, null, "signing_key.created", target(created),
                            Map.of("algorithm", created.algorithm(), "active_from", created.activeFrom().toString(),
                                    "reason", "no signing key was usable at startup")));
        }
        cache = List.of();
    }

    /**
     * Rotates: a new key published now that starts signing after {@code lead}; the current
     * keys retire then and stay published for one token lifetime more.
     */
    @Transactional
    public SigningKey rotate(Caller caller, Duration lead) {
        Instant now = clock.instant();
        SigningKey created = create(now.plus(lead));
        List<SigningKey> retiring = em.createQuery("select k from SigningKey k where k.retiredAt is null "
                        + "and k.kid <> :kid", SigningKey.class)
                .setParameter("kid", created.kid()).getResultList();
        retiring.forEach(old -> old.retire(created.activeFrom()));
        audit.record(caller.teamId(), null, "signing_key.rotated", target(created), Map.of(
                "algorithm", created.algorithm(), "active_from", created.activeFrom().toString(),
                "retired_kids", retiring.stream().map(SigningKey::kid).toList()));
        cache = List.of();
        return created;
    }

    @Transactional
    public List<SigningKey> all() {
        return em.createQuery("select k from SigningKey k order by k.activeFrom desc", SigningKey.class).getResultList();
    }

    /** The key that signs now: the newest active one. */
    public Loaded current() {
        Instant now = clock.instant();
        return keys().stream()
                .filter(k -> !k.activeFrom().isAfter(now) && (k.retiredAt() == null || k.retiredAt().isAfter(now)))
                .max(Comparator.comparing(Loaded::activeFrom))
                .orElseThrow(() -> new IllegalStateException("no signing key is active"));
    }

    /** A published key by id, reloading once if it is unknown (it may be a newer one). */
    public Optional<Loaded> byKid(String kid) {
        Optional<Loaded> found = keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (found.isEmpty()) {
            loadedAt = Instant.EPOCH;
            found = keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
        }
        return found.filter(this::published);
    }

    /** The public keys clients may see tokens signed with (RFC 7517). */
    public JWKSet jwks() {
        return new JWKSet(keys().stream().filter(this::published).map(k -> (com.nimbusds.jose.jwk.JWK) k.key().toPublicJWK())
                .toList());
    }

    private boolean published(Loaded key) {
        return key.retiredAt() == null || key.retiredAt().plus(settings.lifetime()).isAfter(clock.instant());
    }

    private List<Loaded> keys() {
        if (cache.isEmpty() || loadedAt.plus(CACHE).isBefore(clock.instant())) {
            cache = load();
            loadedAt = clock.instant();
        }
        return cache;
    }

    private List<Loaded> load() {
        return em.createQuery("select k from SigningKey k order by k.activeFrom", SigningKey.class).getResultList()
                .stream().map(this::open).toList();
    }

    private Loaded open(SigningKey key) {
        try {
            ECKey jwk = ECKey.parse(box.open(key.sealedPrivateJwk(), context(key.kid())));
            return new Loaded(key.kid(), jwk, key.activeFrom(), key.retiredAt());
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + key.kid() + " is unreadable", e);
        }
    }

    private SigningKey create(Instant activeFrom) {
        Instant now = clock.instant();
        String kid = "k" + now.toEpochMilli() / 1000 + "-" + Base62.random(8);
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE).generate();
            SigningKey stored = new SigningKey(kid, JWSAlgorithm.ES256.getName(),
                    box.seal(key.toJSONString(), context(kid)), key.toPublicJWK().toJSONString(), now, activeFrom);
            em.persist(stored);
            return stored;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    private static Target target(SigningKey key) {
        return new Target("signing_key", key.kid(), key.algorithm());
    }

    private static String context(String kid) {
        return "signing-key:" + kid;
    }
}
