package dev.latchkey.teams.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.control.CredentialIssuer;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.members.control.Members;
import dev.latchkey.members.entity.Member;
import dev.latchkey.members.entity.Team;
import dev.latchkey.personaltokens.control.PersonalTokens;
import dev.latchkey.problems.control.NoSuchResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Creates teams, each with its first owner and that owner's first personal access token. */
@ApplicationScoped
public class Teams {

    /** A new team, its owner, and the owner's first token (shown once). */
    public record Founded(Team team, Member owner, CredentialIssuer.Issued token) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Members members;

    @Inject
    PersonalTokens personalTokens;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public Founded found(String name, String ownerEmail, String ownerName, int tokenDays,
                         boolean instanceAdmin, String createdBy) {
        Team team = new Team(name.trim(), clock.instant());
        em.persist(team);
        em.flush();
        audit.record(team.id(), null, "team.created", new Target("team", team.id(), team.name()),
                java.util.Map.of("name", team.name(), "owner_email", ownerEmail.trim().toLowerCase(java.util.Locale.ROOT)));
        Member owner = members.create(team.id(), ownerEmail, ownerName, Role.OWNER, createdBy);
        if (instanceAdmin) {
            owner.asInstanceAdmin();
        }
        var token = personalTokens.issue(owner, "First token of " + owner.email(), tokenDays, null, createdBy);
        return new Founded(team, owner, token);
    }

    public Team find(String teamId) {
        Team team = em.find(Team.class, teamId);
        if (team == null) {
            throw new NoSuchResourceException("team", teamId);
        }
        return team;
    }
}
