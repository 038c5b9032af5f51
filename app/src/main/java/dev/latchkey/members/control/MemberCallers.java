package dev.latchkey.members.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.members.entity.Member;
import dev.latchkey.members.entity.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the caller of a credential that acts for a member (a personal access token, a console
 * session): the permissions it was given, never more than the member's current role allows,
 * and no caller at all once the member is removed.
 */
@ApplicationScoped
public class MemberCallers {

    @PersistenceContext
    EntityManager em;

    /** The caller, or empty when the member is gone. */
    public Optional<Caller> callerFor(CredentialKind kind, String credentialId, String credentialName,
                                      String memberId, Set<Permission> granted, Instant expiresAt) {
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null) {
            return Optional.empty();
        }
        Team team = em.find(Team.class, member.teamId());
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(granted);
        permissions.retainAll(member.role().permissions());
        var teamRef = new Caller.TeamRef(team.id(), team.name());
        var memberRef = new Caller.MemberRef(member.id(), member.email(), member.name(), member.role(),
                member.instanceAdmin());
        return Optional.of(new Caller(Caller.CredentialRef.of(kind, credentialId, credentialName, expiresAt),
                teamRef, memberRef, null, Caller.authority(teamRef, null, memberRef, Optional.empty(), permissions, Map.of(),
                        false, List.of(), List.of(), expiresAt)));
    }
}
