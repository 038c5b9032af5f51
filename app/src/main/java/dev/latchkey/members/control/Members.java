package dev.latchkey.members.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.entity.Authority;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Role;
import dev.latchkey.members.entity.Member;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.problems.control.NotPermittedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A team's members. Anyone in the team may add developers; only owners add owners, change
 * roles or remove members, and a team always keeps at least one owner.
 */
@ApplicationScoped
public class Members {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public Member add(Caller caller, String email, String name, String roleName) {
        Caller.MemberRef actor = caller.requireMember();
        Role role = parseRole(roleName);
        if (role == Role.OWNER && actor.role() != Role.OWNER) {
            throw new NotPermittedException("Only team owners may add owners");
        }
        requireCoversRole(caller, role, "a member");
        return create(caller.teamId(), email, name, role, actor.id());
    }

    /**
     * Whoever gives a person a role (adding them, promoting them, setting their password) must
     * hold everything the role allows: a restricted token cannot make a full member.
     */
    public static void requireCoversRole(Caller caller, Role role, String what) {
        caller.requireCovers(new Authority(caller.teamId(), null, Optional.empty(), role.permissions(), Map.of(), false,
                List.of(), List.of(), null, caller.requireMember().id()), what);
    }

    /** Adds a member with no checks on who asks: for bootstrap and new teams. */
    public Member create(String teamId, String email, String name, Role role, String createdBy) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        Long existing = em.createQuery("select count(m) from Member m where m.teamId = :team and m.email = :email", Long.class)
                .setParameter("team", teamId).setParameter("email", normalized).getSingleResult();
        if (existing > 0) {
            throw new ConflictException("A member with email '" + normalized + "' already exists in this team");
        }
        Member member = new Member(teamId, normalized, name.trim(), role, createdBy, clock.instant());
        em.persist(member);
        // Rows that others reference are written at once: JPA does not order inserts by foreign key.
        em.flush();
        audit.record(teamId, null, "member.added", target(member),
                Map.of("email", member.email(), "role", role.wireName()));
        return member;
    }

    public Page<Member> list(Caller caller, PageRequest request) {
        caller.requireMember();
        return pages.list(Member.class, "e.teamId = :team", Map.of("team", caller.teamId()), request);
    }

    public Member find(Caller caller, String memberId) {
        caller.requireMember();
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null || !member.teamId().equals(caller.teamId())) {
            throw new NoSuchResourceException("member", memberId);
        }
        return member;
    }

    public Member changeRole(Caller caller, String memberId, String roleName) {
        Role role = parseRole(roleName);
        Member member = find(caller, memberId);
        caller.requireOwner("change roles");
        requireCoversRole(caller, role, "a member's role");
        List<String> owners = lockOwners(caller, "change roles");
        if (member.role() == Role.OWNER && role != Role.OWNER && owners.size() <= 1) {
            throw new ConflictException("A team must keep at least one owner");
        }
        Role before = member.role();
        member.changeRole(role);
        audit.record(member.teamId(), null, "member.role_changed", target(member),
                Map.of("from", before.wireName(), "to", role.wireName()));
        return member;
    }

    public Member remove(Caller caller, String memberId) {
        Member member = find(caller, memberId);
        caller.requireOwner("remove members");
        List<String> owners = lockOwners(caller, "remove members");
        if (member.role() == Role.OWNER && owners.size() <= 1) {
            throw new ConflictException("A team must keep at least one owner");
        }
        Long tokens = em.createQuery("select count(c) from Credential c where c.memberId = :member and c.kind = :kind "
                        + "and c.revokedAt is null", Long.class)
                .setParameter("member", member.id()).setParameter("kind", CredentialKind.PERSONAL_TOKEN)
                .getSingleResult();
        // The database deletes the member's personal access tokens with it (ON DELETE CASCADE).
        em.remove(member);
        audit.record(member.teamId(), null, "member.removed", target(member),
                Map.of("email", member.email(), "role", member.role().wireName(), "personal_tokens_ended", tokens));
        return member;
    }

    /**
     * The team's owners as committed now, locked until this transaction ends, so that two owners
     * demoting or removing each other at once cannot both succeed and leave the team without an
     * owner; the caller must (still) be one of them.
     */
    private List<String> lockOwners(Caller caller, String action) {
        List<String> owners = em.createQuery("select m from Member m where m.teamId = :team and m.role = :owner "
                        + "order by m.id", Member.class)
                .setParameter("team", caller.teamId()).setParameter("owner", Role.OWNER)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().map(Member::id).toList();
        if (!owners.contains(caller.requireMember().id())) {
            throw new NotPermittedException("Only team owners may " + action);
        }
        return owners;
    }

    private static Target target(Member member) {
        return new Target("member", member.id(), member.email());
    }

    private static Role parseRole(String roleName) {
        return Role.fromWire(roleName).orElseThrow(
                () -> new InvalidInputException("role", "role must be 'owner' or 'developer'"));
    }
}
