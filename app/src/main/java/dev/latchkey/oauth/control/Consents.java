package dev.latchkey.oauth.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.members.entity.Member;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.oauth.entity.OAuthConsent;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.NoSuchResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Remembered consent (a member's grant to a client): kept per member and client until the
 * member revokes it. Revoking a grant also revokes every token issued under it, so that
 * "revoke access" in the member's list means what it says.
 */
@ApplicationScoped
public class Consents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Pages pages;

    @Inject
    Families families;

    /** Whether the member has allowed the client every one of these scopes, and not revoked it. */
    public boolean covers(String memberId, String clientId, Collection<String> scopes) {
        return current(memberId, clientId).map(c -> c.covers(scopes)).orElse(false);
    }

    /** Remembers that the member allowed these scopes (added to what was allowed before). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(Member member, OAuthClient client, Collection<String> scopes) {
        OAuthConsent consent = current(member.id(), client.id()).orElseGet(() -> {
            OAuthConsent fresh = new OAuthConsent(member.teamId(), member.id(), client.id(), clock.instant());
            em.persist(fresh);
            return fresh;
        });
        consent.allow(scopes, clock.instant());
    }

    public Page<OAuthConsent> list(String memberId, PageRequest page) {
        return pages.list(OAuthConsent.class, "e.memberId = :member and e.revokedAt is null",
                Map.of("member", memberId), page);
    }

    /** Revokes one of the caller's own grants, and every token the client holds from it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OAuthConsent revoke(Caller caller, String id) {
        var member = caller.requireMember();
        OAuthConsent consent = id == null ? null : em.find(OAuthConsent.class, id);
        if (consent == null || !consent.memberId().equals(member.id()) || !consent.teamId().equals(caller.teamId())) {
            throw new NoSuchResourceException("grant", id);
        }
        if (consent.revokedAt() == null) {
            consent.revoke(clock.instant());
            em.createQuery("select distinct c.familyId from OAuthCode c where c.clientId = :client "
                            + "and c.memberId = :member", String.class)
                    .setParameter("client", consent.clientId()).setParameter("member", member.id()).getResultList()
                    .forEach(family -> families.revoke(family, consent.clientId(), Families.Reason.REVOKED_BY_MEMBER));
            OAuthClient client = em.find(OAuthClient.class, consent.clientId());
            audit.recordAs(Actor.of(caller), consent.teamId(), client == null ? null : client.siteId(),
                    "oauth_consent.revoked", new Target("oauth_client", consent.clientId(),
                            client == null ? null : client.name()), Map.of("grant_id", consent.id()));
        }
        return consent;
    }

    private Optional<OAuthConsent> current(String memberId, String clientId) {
        return em.createQuery("select c from OAuthConsent c where c.memberId = :member and c.clientId = :client "
                        + "and c.revokedAt is null", OAuthConsent.class)
                .setParameter("member", memberId).setParameter("client", clientId).getResultList().stream().findFirst();
    }
}
