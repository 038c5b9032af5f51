package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.network.entity.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Issues credentials of every kind: makes the token, stores only its keyed hash, and hands
 * the token back exactly once, to be put in the creation response and nowhere else.
 */
@ApplicationScoped
public class CredentialIssuer {

    /** What to issue. {@code memberId} or {@code siteId} (with its environment) says whose it is. */
    public record Draft(String prefix, String teamId, String memberId, String siteId, Environment environment,
                        String name, Set<Permission> permissions, Instant expiresAt, String createdBy,
                        List<Cidr> allowedIps, boolean scoped, String rolledFrom, Caller.RateLimit rateLimit) {

        public static Draft forMember(String prefix, String teamId, String memberId, String name,
                                      Set<Permission> permissions, Instant expiresAt, String createdBy) {
            return new Draft(prefix, teamId, memberId, null, null, name, permissions, expiresAt, createdBy,
                    List.of(), false, null, null);
        }
    }

    /** The stored credential and its token; the token exists only in this object. */
    public record Issued(Credential credential, String token) {

        @Override
        public String toString() {
            return "Issued[" + credential.id() + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyedHasher hasher;

    @Inject
    Clock clock;

    public Issued issue(Draft draft) {
        CredentialKind kind = CredentialKind.forPrefix(draft.prefix())
                .orElseThrow(() -> new IllegalArgumentException("unknown prefix " + draft.prefix()));
        TokenFormat.Token token = TokenFormat.generate(draft.prefix());
        KeyedHasher.Hashed hashed = hasher.hash(token.value());
        var credential = new Credential(token.publicId(), kind, draft.prefix(), token.last4(),
                hashed.keyId(), hashed.hash(), draft.teamId(), draft.name(), draft.permissions(),
                draft.expiresAt(), draft.createdBy(), clock.instant())
                .restrictedTo(draft.allowedIps())
                .withScopes(draft.scoped())
                .rolledFrom(draft.rolledFrom())
                .limitedTo(draft.rateLimit() == null ? null : draft.rateLimit().requests(),
                        draft.rateLimit() == null ? null : draft.rateLimit().seconds());
        if (draft.memberId() != null) {
            credential.forMember(draft.memberId());
        }
        if (draft.siteId() != null) {
            credential.forSite(draft.siteId(), draft.environment());
        }
        em.persist(credential);
        return new Issued(credential, token.value());
    }
}
