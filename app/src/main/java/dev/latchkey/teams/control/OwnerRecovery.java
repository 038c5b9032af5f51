package dev.latchkey.teams.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.control.CredentialIssuer;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.members.entity.Member;
import dev.latchkey.personaltokens.control.PersonalTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The way back when no owner can sign in, like Keycloak's {@code bootstrap-admin}: whoever starts
 * Latchkey (and so holds its data directory or database settings) names an existing owner in
 * {@code latchkey.recover-owner} ({@code LATCHKEY_RECOVER_OWNER}, an e-mail address; with
 * {@code latchkey.recover-owner-team} when that address is an owner in several teams), and
 * startup issues that owner a personal access token valid {@code latchkey.recover-owner.token-days}
 * (default 1), audited as {@code owner.recovered}. Recovery restores access; it never changes
 * who is an owner, so naming a member who is not one is refused, as is an unknown address.
 */
@ApplicationScoped
public class OwnerRecovery {

    static final String TOKEN_NAME = "owner recovery";

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalTokens personalTokens;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "latchkey.recover-owner")
    Optional<String> ownerEmail;

    @Inject
    @ConfigProperty(name = "latchkey.recover-owner-team")
    Optional<String> teamId;

    @Inject
    @ConfigProperty(name = "latchkey.recover-owner.token-days", defaultValue = "1")
    int tokenDays;

    public record Recovered(Member owner, CredentialIssuer.Issued token) {
    }

    /**
     * The recovery token when recovery was asked for; empty otherwise.
     *
     * @throws OwnerRecoveryRefusedException when the address names no single owner
     */
    @Transactional
    public Optional<Recovered> recoverIfAsked() {
        Optional<String> email = ownerEmail.map(String::strip).filter(address -> !address.isEmpty());
        if (email.isEmpty()) {
            return Optional.empty();
        }
        Member owner = theOwner(email.get());
        CredentialIssuer.Issued token = personalTokens.issue(owner, TOKEN_NAME, tokenDays, null, owner.id());
        audit.recordAs(Actor.SYSTEM, owner.teamId(), null, "owner.recovered",
                new Target("member", owner.id(), owner.email()),
                Map.of("token_id", token.credential().id(), "expires_at", token.credential().expiresAt().toString(),
                        "last4", token.credential().last4()));
        return Optional.of(new Recovered(owner, token));
    }

    private Member theOwner(String email) {
        List<Member> named = em.createQuery("select m from Member m where lower(m.email) = :email order by m.teamId",
                        Member.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT)).getResultList().stream()
                .filter(member -> teamId.map(String::strip).filter(team -> !team.isEmpty())
                        .map(member.teamId()::equals).orElse(true))
                .toList();
        if (named.isEmpty()) {
            throw refusal("no member has the e-mail address " + email
                    + teamId.map(team -> " in team " + team).orElse(""));
        }
        List<Member> owners = named.stream().filter(member -> member.role() == Role.OWNER).toList();
        if (owners.isEmpty()) {
            throw refusal(email + " is not an owner (recovery restores an owner's access; it does not make owners)");
        }
        if (owners.size() > 1) {
            throw refusal(email + " is an owner in teams " + owners.stream().map(Member::teamId)
                    .collect(Collectors.joining(", ")) + "; name one in LATCHKEY_RECOVER_OWNER_TEAM");
        }
        return owners.get(0);
    }

    private static OwnerRecoveryRefusedException refusal(String reason) {
        return new OwnerRecoveryRefusedException(reason);
    }
}
