package dev.latchkey.personaltokens.control;

import dev.latchkey.credentials.control.Caller;
import dev.latchkey.credentials.control.CallerFactory;
import dev.latchkey.credentials.control.CredentialKind;
import dev.latchkey.credentials.control.Permission;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.members.entity.Member;
import dev.latchkey.teams.entity.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A personal access token acts for its member: with the permissions it was given, never
 * more than the member's current role allows, and not at all once the member is removed.
 */
@ApplicationScoped
public class PersonalTokenCallers implements CallerFactory {

    @PersistenceContext
    EntityManager em;

    @Override
    public CredentialKind kind() {
        return CredentialKind.PERSONAL_TOKEN;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        Member member = em.find(Member.class, credential.memberId());
        if (member == null) {
            return Optional.empty();
        }
        Team team = em.find(Team.class, member.teamId());
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(credential.permissions());
        permissions.retainAll(member.role().permissions());
        var teamRef = new Caller.TeamRef(team.id(), team.name());
        var memberRef = new Caller.MemberRef(member.id(), member.email(), member.name(), member.role(),
                member.instanceAdmin());
        return Optional.of(new Caller(CredentialKind.PERSONAL_TOKEN, credential.id(), credential.name(), teamRef,
                memberRef, null, Caller.authority(teamRef, null, memberRef, null, permissions, Map.of(), false,
                        List.of(), List.of(), credential.expiresAt()), credential.expiresAt(), null));
    }
}
